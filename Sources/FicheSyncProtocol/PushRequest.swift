/// `POST /v1/sync/push`: up to `PushRequest.maximumBatch` outbox entries, in id order.
public struct PushRequest: Codable, Sendable, Hashable {
    /// Largest batch the server accepts.
    public static let maximumBatch = 100

    public var mutations: [PendingMutation]

    public init(mutations: [PendingMutation]) {
        self.mutations = mutations
    }
}
