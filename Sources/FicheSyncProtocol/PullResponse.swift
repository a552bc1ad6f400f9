/// The answer to `GET /v1/sync/pull?cursor=&limit=`.
public struct PullResponse: Codable, Sendable, Hashable {
    public var changes: [Change]
    /// Store this as the new cursor in the same transaction as the changes.
    public var cursor: Int64
    public var hasMore: Bool
    /// The highest mutation id the server holds for this device.
    public var lastMutationID: Int64
    /// Results of this device's mutations after `results_after`.
    public var results: [MutationResult]

    public init(changes: [Change], cursor: Int64, hasMore: Bool, lastMutationID: Int64, results: [MutationResult]) {
        self.changes = changes
        self.cursor = cursor
        self.hasMore = hasMore
        self.lastMutationID = lastMutationID
        self.results = results
    }

    enum CodingKeys: String, CodingKey {
        case changes
        case cursor
        case hasMore = "has_more"
        case lastMutationID = "last_mutation_id"
        case results
    }
}
