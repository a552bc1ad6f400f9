import FicheSyncProtocol
import Logging
import PostgresNIO

/// Statements on one PostgreSQL connection; `?` placeholders become `$1…$n`.
struct PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [StoreRow] {
        let rows = try await connection.query(Self.postgresQuery(sql, binds), logger: logger)
        var result: [StoreRow] = []
        for try await row in rows {
            result.append(try Self.storeRow(row))
        }
        return result
    }

    func textTable(_ sql: String, _ binds: [SQLValue], excluding excluded: Set<String>) async throws -> TextTable {
        var table = PostgresTableBuilder(excluded: excluded)
        for try await row in try await connection.query(Self.postgresQuery(sql, binds), logger: logger) {
            try table.append(row)
        }
        return table.table
    }

    /// Every statement is handed to the connection before the first answer is awaited: the
    /// connection runs them one after the other, in this order, and collects their rows.
    func batch(_ statements: [StoreStatement], each: (Int, StoreResult) throws -> Void) async throws {
        let pending: [EventLoopFuture<PostgresQueryResult>] = statements.map {
            connection.query(Self.postgresQuery($0.sql, $0.binds), logger: logger)
        }
        var failure: (any Error)?
        // Every answer is awaited, even after a failure, so nothing of the batch is still
        // running on the connection when the transaction ends.
        for (index, answer) in pending.enumerated() {
            do {
                let rows = try await answer.get().rows
                guard failure == nil else { continue }
                if statements[index].asText {
                    var table = PostgresTableBuilder(excluded: [])
                    for row in rows { try table.append(row) }
                    try each(index, .table(table.table))
                } else {
                    try each(index, .rows(try rows.map(Self.storeRow)))
                }
            } catch {
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
    }

    func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        _ = try await connection.query(Self.postgresQuery(sql, binds), logger: logger)
    }

    /// Numbers the `?` placeholders (never used inside literals in our SQL) and binds the values.
    static func postgresQuery(_ sql: String, _ binds: [SQLValue]) -> PostgresQuery {
        var numbered: [UInt8] = []
        numbered.reserveCapacity(sql.utf8.count + 16)
        var index = 0
        for byte in sql.utf8 {
            if byte == UInt8(ascii: "?") {
                index += 1
                numbered.append(UInt8(ascii: "$"))
                numbered.append(contentsOf: String(index).utf8)
            } else {
                numbered.append(byte)
            }
        }
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .null: bindings.appendNull()
            case .int(let int): bindings.append(int)
            case .text(let text): bindings.append(text)
            }
        }
        return PostgresQuery(unsafeSQL: String(decoding: numbered, as: UTF8.self), binds: bindings)
    }

    static func storeRow(_ row: PostgresRow) throws -> StoreRow {
        var values: [String: SQLValue] = [:]
        var columns: [String] = []
        for cell in row {
            columns.append(cell.columnName)
            values[cell.columnName] = try value(cell)
        }
        return StoreRow(columns: columns, values: values)
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        switch cell.dataType {
        case .int2, .int4, .int8:
            return try cell.decode(Int64?.self).map(SQLValue.int) ?? .null
        case .bool:
            return try cell.decode(Bool?.self).map { .int($0 ? 1 : 0) } ?? .null
        default:
            return try cell.decode(String?.self).map(SQLValue.text) ?? .null
        }
    }
}
