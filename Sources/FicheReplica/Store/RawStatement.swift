import GRDB
import GRDBSQLite

/// Runs a prepared statement with values bound straight through the SQLite C API.
///
/// Bulk writers use it (the demo's millions of time records, the initial sync's pages):
/// GRDB's general-purpose argument handling doubles their run time.
enum RawStatement {
    /// A value to bind.
    enum Value {
        case text(String?)
        case int(Int64?)
    }

    /// Binds `values` to `statement`'s parameters in order and steps it once.
    ///
    /// - Throws: `DatabaseError` when SQLite refuses the statement (a constraint, a full disk…).
    static func execute(_ statement: Statement, _ values: [Value], in db: Database) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .text(.some(let text)): sqlite3_bind_text(handle, index, text, -1, transient)
            case .int(.some(let number)): sqlite3_bind_int64(handle, index, number)
            case .text(.none), .int(.none): sqlite3_bind_null(handle, index)
            }
        }
        try step(handle, in: db)
    }

    /// Steps a statement whose values are bound, once, and resets it.
    ///
    /// - Throws: `DatabaseError` when SQLite refuses the statement.
    static func step(_ handle: SQLiteStatement, in db: Database) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
