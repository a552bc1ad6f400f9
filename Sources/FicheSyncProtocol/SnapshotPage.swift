/// One page of an initial sync (`GET /v1/sync/snapshot?token=`).
///
/// Write each page in its own transaction with `next_token`; after the last page (`done`),
/// pull from `pinned_seq`.
public struct SnapshotPage: Codable, Sendable, Hashable {
    public var pinnedSeq: Int64
    public var entity: SyncEntity
    public var rows: [[String: String?]]
    /// Signed; pass it back to get the next page. Absent when `done`.
    public var nextToken: String?
    public var done: Bool

    public init(pinnedSeq: Int64, entity: SyncEntity, rows: [[String: String?]], nextToken: String?, done: Bool) {
        self.pinnedSeq = pinnedSeq
        self.entity = entity
        self.rows = rows
        self.nextToken = nextToken
        self.done = done
    }

    enum CodingKeys: String, CodingKey {
        case pinnedSeq = "pinned_seq"
        case entity
        case rows
        case nextToken = "next_token"
        case done
    }
}
