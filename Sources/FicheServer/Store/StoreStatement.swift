/// One statement of a batch (`StoreTransaction.batch`): its SQL with `?` placeholders, its
/// values, and whether its rows are wanted as text columns (`TextTable`) or as `StoreRow`s.
public struct StoreStatement: Sendable {
    public var sql: String
    public var binds: [SQLValue]
    /// Rows as text columns, integers printed (`StoreTransaction.textTable`).
    public var asText: Bool

    public init(_ sql: String, _ binds: [SQLValue] = [], asText: Bool = false) {
        self.sql = sql
        self.binds = binds
        self.asText = asText
    }
}
