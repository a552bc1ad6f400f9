import FicheSyncProtocol

/// Statements run inside one store transaction (or, for reads, on a consistent connection).
///
/// SQL is written with `?` placeholders; the PostgreSQL store numbers them. Business logic
/// (`SyncService`, `Accounts`, imports) is written once against this protocol.
public protocol StoreTransaction: Sendable {
    /// Runs a statement and returns its rows.
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [StoreRow]
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ binds: [SQLValue]) async throws
    /// Runs a statement and returns its rows as text (integers printed), without the
    /// `excluded` columns: bulk reads (snapshot pages) that need no dictionary per row.
    func textTable(_ sql: String, _ binds: [SQLValue], excluding excluded: Set<String>) async throws -> TextTable
}

extension StoreTransaction {
    /// The first row, or nil.
    public func first(_ sql: String, _ binds: [SQLValue] = []) async throws -> StoreRow? {
        try await query(sql, binds).first
    }

    public func textTable(_ sql: String, _ binds: [SQLValue], excluding excluded: Set<String>) async throws -> TextTable {
        let rows = try await query(sql, binds)
        let columns = (rows.first?.columns ?? []).filter { !excluded.contains($0) }
        var table = TextTable(columns: columns)
        table.reserveRows(rows.count)
        for row in rows {
            for column in columns { table.appendValue(row.string(column)) }
        }
        return table
    }

    /// Runs a statement without binds.
    public func execute(_ sql: String) async throws {
        try await execute(sql, [])
    }
}
