import GRDB

/// Statements against the SQLite writer connection (inside `BEGIN IMMEDIATE`) or a reader.
struct SQLiteTransaction: StoreTransaction {
    enum Access { case writer, reader }

    let pool: DatabasePool
    let access: Access

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [StoreRow] {
        let arguments = StatementArguments(binds.map(Self.databaseValue))
        let fetch: @Sendable (Database) throws -> [StoreRow] = { db in
            let statement = try db.cachedStatement(sql: sql)
            let rows = try Row.fetchAll(statement, arguments: arguments)
            return rows.map(Self.storeRow)
        }
        switch access {
        case .writer: return try await pool.writeWithoutTransaction(fetch)
        case .reader: return try await pool.read(fetch)
        }
    }

    func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        let arguments = StatementArguments(binds.map(Self.databaseValue))
        try await pool.writeWithoutTransaction { db in
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
        }
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .int(let int): return int.databaseValue
        case .text(let text): return text.databaseValue
        }
    }

    static func storeRow(_ row: Row) -> StoreRow {
        var values: [String: SQLValue] = [:]
        var columns: [String] = []
        for (column, value) in row {
            columns.append(column)
            switch value.storage {
            case .null: values[column] = .null
            case .int64(let int): values[column] = .int(int)
            case .double(let double): values[column] = .int(Int64(double))
            case .string(let text): values[column] = .text(text)
            case .blob(let data): values[column] = .text(String(decoding: data, as: UTF8.self))
            }
        }
        return StoreRow(columns: columns, values: values)
    }
}
