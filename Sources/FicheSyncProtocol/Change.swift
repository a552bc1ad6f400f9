/// One change-log entry as a client receives it.
public struct Change: Codable, Sendable, Hashable {
    public var seq: Int64
    /// The employer code that owns the row.
    public var scope: String
    public var entity: SyncEntity
    public var id: String
    public var op: ChangeOperation
    public var version: Int64
    /// The row's fields, already projected for the caller (masked NISS/IBAN where required).
    public var row: [String: String?]?

    public init(seq: Int64, scope: String, entity: SyncEntity, id: String, op: ChangeOperation, version: Int64,
                row: [String: String?]?) {
        self.seq = seq
        self.scope = scope
        self.entity = entity
        self.id = id
        self.op = op
        self.version = version
        self.row = row
    }
}
