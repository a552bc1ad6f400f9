import FicheDomain
import FicheSyncProtocol
import GRDB

/// Where each time-record column sits in the rows of one statement, found once: the reads that
/// decode tens of thousands of records (the art. 60 watch, the payroll export, the certificate
/// queue) read each value by position, where a lookup by name for every value of every row was
/// a sixth of the art. 60 watch.
///
/// ```swift
/// let statement = try db.cachedStatement(sql: "SELECT * FROM time_record_view WHERE …")
/// let layout = try TimeRecordRowLayout(statement)
/// let cursor = try Row.fetchCursor(statement, arguments: arguments)
/// while let row = try cursor.next() { records.append(try layout.record(row)) }
/// ```
struct TimeRecordRowLayout {
    /// The index in the statement's rows of each of `RecordTimeRecord.columns`, in that order.
    private let indexes: [Int]

    /// - Throws: `StoredRowError` when the statement does not select every time-record column.
    init(_ statement: Statement) throws {
        indexes = try RecordTimeRecord.columns.map { column in
            guard let index = statement.index(ofColumn: column.replicaName) else {
                throw StoredRowError(table: "time_record", id: "?", detail: "no column \(column.replicaName) in the query")
            }
            return index
        }
    }

    /// The time record of `row` (a row of the statement this layout was made from).
    ///
    /// - Throws: `StoredRowError` when a value does not read, as `TimeRecord(stored:)`.
    func record(_ row: Row) throws -> TimeRecord {
        do {
            return try TimeRecordColumn.record(byPosition: { position, column in
                let index = indexes[position]
                return switch column.kind {
                case .text: .text(row[index])
                case .integer: .integer(row[index])
                case .flag: .flag((row[index] as Bool?) ?? false)
                }
            })
        } catch {
            throw StoredRowError(table: "time_record", id: (row["id"] as String?) ?? "?", detail: error.description)
        }
    }
}
