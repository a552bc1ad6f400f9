/// One outbox entry as pushed: the client's increasing mutation id, a UUID, and the change.
public struct PendingMutation: Codable, Sendable, Hashable {
    /// Per-device, gap-free, starting at 1.
    public var id: Int64
    public var uuid: String
    public var mutation: Mutation

    public init(id: Int64, uuid: String, mutation: Mutation) {
        self.id = id
        self.uuid = uuid
        self.mutation = mutation
    }
}
