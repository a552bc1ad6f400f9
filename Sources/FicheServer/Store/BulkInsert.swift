/// Many rows of one table in few statements: `INSERT … VALUES (…), (…), …` with as many rows
/// as the bind limit of both stores allows (SQLite 32,766, PostgreSQL 65,535), so a seed or an
/// import of millions of rows makes thousands of round trips, not millions.
enum BulkInsert {
    /// Binds per statement, under both stores' limits.
    static let maximumBinds = 30_000

    static func insert(into table: String, columns: [String], rows: [[SQLValue]], in tx: any StoreTransaction) async throws {
        for statement in statements(into: table, columns: columns, rows: rows) {
            try await tx.execute(statement.sql, statement.binds)
        }
    }

    /// The statements of `insert`, for a batch (`StoreTransaction.batch`).
    static func statements(into table: String, columns: [String], rows: [[SQLValue]]) -> [StoreStatement] {
        guard !rows.isEmpty, !columns.isEmpty else { return [] }
        let perStatement = max(1, maximumBinds / columns.count)
        let tuple = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var statements: [StoreStatement] = []
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            statements.append(StoreStatement(head + Array(repeating: tuple, count: chunk.count).joined(separator: ", "),
                                             chunk.flatMap { $0 }))
            start += chunk.count
        }
        return statements
    }
}
