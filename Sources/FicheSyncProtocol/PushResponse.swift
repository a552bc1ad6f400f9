/// The answer to a push: one result per processed mutation, in order.
public struct PushResponse: Codable, Sendable, Hashable {
    public var results: [MutationResult]
    /// The highest mutation id the server holds for this device.
    public var lastMutationID: Int64
    /// Pull until the cursor reaches this sequence to read your own writes.
    public var checkpoint: Int64

    public init(results: [MutationResult], lastMutationID: Int64, checkpoint: Int64) {
        self.results = results
        self.lastMutationID = lastMutationID
        self.checkpoint = checkpoint
    }

    enum CodingKeys: String, CodingKey {
        case results
        case lastMutationID = "last_mutation_id"
        case checkpoint
    }
}
