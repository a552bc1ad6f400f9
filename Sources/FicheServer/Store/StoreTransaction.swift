/// Statements run inside one store transaction (or, for reads, on a consistent connection).
///
/// SQL is written with `?` placeholders; the PostgreSQL store numbers them. Business logic
/// (`SyncService`, `Accounts`, imports) is written once against this protocol.
public protocol StoreTransaction: Sendable {
    /// Runs a statement and returns its rows.
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [StoreRow]
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ binds: [SQLValue]) async throws
}

extension StoreTransaction {
    /// The first row, or nil.
    public func first(_ sql: String, _ binds: [SQLValue] = []) async throws -> StoreRow? {
        try await query(sql, binds).first
    }

    /// Runs a statement without binds.
    public func execute(_ sql: String) async throws {
        try await execute(sql, [])
    }
}
