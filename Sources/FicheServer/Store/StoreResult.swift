import FicheSyncProtocol

/// What one statement of a batch returned, in the shape its `StoreStatement` asked for.
public enum StoreResult: Sendable {
    case rows([StoreRow])
    case table(TextTable)

    /// The rows (none for a statement that asked for text columns).
    public var rows: [StoreRow] {
        if case .rows(let rows) = self { return rows }
        return []
    }

    /// The text columns (an empty table for a statement that asked for rows).
    public var table: TextTable {
        if case .table(let table) = self { return table }
        return TextTable(columns: [])
    }
}
