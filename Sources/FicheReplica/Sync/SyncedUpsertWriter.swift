import GRDB
import GRDBSQLite

/// Writes synced rows through one `SyncedUpsert`, its statement prepared once and bound through
/// the SQLite C API. For the rows of a snapshot page (one column index shared by thousands of
/// rows) each value's position in the row is found once per page, not by name per row.
///
/// ```swift
/// var writer = try SyncedUpsertWriter(.timeRecord, in: db)
/// for row in page { try writer.write(row, in: db) }
/// ```
struct SyncedUpsertWriter {
    /// What to bind for one parameter, with no text to look up per row.
    private enum Kind {
        case id, employerCode, version, text, required, defaulted, integer, flag, object
    }

    private let statement: Statement
    private let kinds: [Kind]
    /// The server field of each parameter (for rows that hold a dictionary).
    private let fields: [String?]
    /// The fallback text of each `.defaulted` parameter.
    private let fallbacks: [String?]
    /// The column index `positions` were found for.
    private var columns: AppDatabase.SyncedFields.Columns?
    /// Each parameter's position in a row of `columns`, -1 when the page has no such field.
    private var positions: [Int]

    init(_ upsert: AppDatabase.SyncedUpsert, in db: Database) throws {
        statement = try db.cachedStatement(sql: upsert.sql)
        let sources = upsert.parameters.columns.map(\.source)
        kinds = sources.map { source in
            switch source {
            case .id: .id
            case .employerCode: .employerCode
            case .version: .version
            case .text: .text
            case .required: .required
            case .defaulted: .defaulted
            case .integer: .integer
            case .flag: .flag
            case .object: .object
            }
        }
        fields = sources.map(\.field)
        fallbacks = sources.map { source in
            if case .defaulted(_, let fallback) = source { return fallback }
            return nil
        }
        positions = Array(repeating: -1, count: sources.count)
    }

    /// Upserts `row` (kept only if its version is not older than the stored one).
    ///
    /// - Throws: `DatabaseError` when SQLite refuses the row.
    mutating func write(_ row: AppDatabase.SyncedRow, in db: Database) throws {
        let rowColumns = row.fields.columns
        if let rowColumns, rowColumns !== columns {
            columns = rowColumns
            positions = fields.map { field in field.flatMap { rowColumns.position(of: $0) } ?? -1 }
        }
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for index in kinds.indices {
            let parameter = Int32(index + 1)
            let value: String?
            switch kinds[index] {
            case .id:
                value = row.id
            case .employerCode:
                value = row.employerCode
            case .version:
                sqlite3_bind_int64(handle, parameter, row.version)
                continue
            default:
                let field = rowColumns != nil
                    ? (positions[index] < 0 ? nil : row.fields.value(at: positions[index]))
                    : fields[index].flatMap { row.fields[$0] ?? nil }
                switch kinds[index] {
                case .required: value = field ?? ""
                case .defaulted: value = field ?? fallbacks[index] ?? ""
                case .object: value = (field?.hasPrefix("{") ?? false) ? field : nil
                case .integer, .flag:
                    let number: Int64? = kinds[index] == .flag ? (field == "1" ? 1 : 0) : field.flatMap { Int64($0) }
                    if let number { sqlite3_bind_int64(handle, parameter, number) } else { sqlite3_bind_null(handle, parameter) }
                    continue
                default: value = field
                }
            }
            if let value {
                sqlite3_bind_text(handle, parameter, value, -1, transient)
            } else {
                sqlite3_bind_null(handle, parameter)
            }
        }
        try RawStatement.step(handle, in: db)
    }
}
