/// A row in the replica that does not read back as a domain value (damaged or hand-edited).
public struct StoredRowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var table: String
    public var id: String
    public var detail: String

    public init(table: String, id: String, detail: String) {
        self.table = table
        self.id = id
        self.detail = detail
    }

    public var description: String { "\(table) \(id): \(detail)" }
}
