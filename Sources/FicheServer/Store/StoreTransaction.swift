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
    /// Runs statements in order and hands what each one returned to `each`, with its index,
    /// in order. The PostgreSQL store sends them all before it reads the first answer, so the
    /// database goes from one to the next without waiting for the caller, while the caller
    /// reads the answers already there: a batch costs one wait, not one per statement (what
    /// keeps a push round, which holds the clock lock, short). The first failure fails the
    /// batch (no answer after it is handed over), and on PostgreSQL the transaction with it.
    func batch(_ statements: [StoreStatement], each: (Int, StoreResult) throws -> Void) async throws
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

    public func batch(_ statements: [StoreStatement], each: (Int, StoreResult) throws -> Void) async throws {
        for (index, statement) in statements.enumerated() {
            try each(index, statement.asText
                ? .table(try await textTable(statement.sql, statement.binds, excluding: []))
                : .rows(try await query(statement.sql, statement.binds)))
        }
    }

    /// `batch(_:each:)`, every answer returned in the order of the statements.
    public func batch(_ statements: [StoreStatement]) async throws -> [StoreResult] {
        var results: [StoreResult] = []
        results.reserveCapacity(statements.count)
        try await batch(statements) { _, result in results.append(result) }
        return results
    }

    /// Runs a statement without binds.
    public func execute(_ sql: String) async throws {
        try await execute(sql, [])
    }
}
