/// One row read from either store, by column name.
public struct StoreRow: Sendable, Hashable {
    /// Column names in select order.
    public let columns: [String]
    /// Values by column name.
    public let values: [String: SQLValue]

    public init(columns: [String], values: [String: SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The column as text, nil when NULL or absent.
    public func string(_ column: String) -> String? { values[column]?.string }

    /// The column as an integer, nil when NULL or absent.
    public func int(_ column: String) -> Int64? { values[column]?.int }

    /// Every column as optional text, except the listed ones: the shape rows take on the wire.
    public func fields(excluding excluded: Set<String> = []) -> [String: String?] {
        var fields: [String: String?] = [:]
        for column in columns where !excluded.contains(column) {
            fields[column] = .some(values[column]?.string)
        }
        return fields
    }
}
