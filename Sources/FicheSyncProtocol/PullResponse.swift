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
    /// The last sequence of the server's change log when it answered. A replica whose cursor is
    /// past it pulled from a database that was since restored from an older backup.
    /// Absent from servers older than the restore check.
    public var head: Int64?
    /// The identity of the server's database; another value than the one the replica saw
    /// before means the database was restored or replaced. Absent from older servers.
    public var serverIdentity: String?

    public init(changes: [Change], cursor: Int64, hasMore: Bool, lastMutationID: Int64, results: [MutationResult],
                head: Int64? = nil, serverIdentity: String? = nil) {
        self.changes = changes
        self.cursor = cursor
        self.hasMore = hasMore
        self.lastMutationID = lastMutationID
        self.results = results
        self.head = head
        self.serverIdentity = serverIdentity
    }

    enum CodingKeys: String, CodingKey {
        case changes
        case cursor
        case hasMore = "has_more"
        case lastMutationID = "last_mutation_id"
        case results
        case head
        case serverIdentity = "server_identity"
    }
}
