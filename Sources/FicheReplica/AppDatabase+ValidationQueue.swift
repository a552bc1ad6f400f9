import FicheDomain
import GRDB

extension AppDatabase {
    /// Submitted time records of the working view, oldest first: what a supervisor validates.
    ///
    /// A record's age counts from the day it was entered on this replica (its first audit
    /// row), else from its start date (a record pulled from the server); a record about a
    /// future date is 0 days old. Read from the `(status, start)` index, not a scan.
    ///
    /// ```swift
    /// let queue = try database.validationQueue(asOf: today)
    /// queue.first?.ageDays   // 12
    /// ```
    /// - Parameter employerCode: only this employer's records; every employer held when nil.
    public func validationQueue(asOf: LocalDate, employerCode: String? = nil) throws -> [ValidationQueueItem] {
        try writer.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT r.*, \(BatchedReads.listSelection), u.display_name AS entered_by_name,
                       \(BatchedReads.createdAtColumn(entity: "time_record", idColumn: "r.id"))
                FROM time_record_view r
                JOIN dossier_list l ON l.id = r.dossier_id
                LEFT JOIN app_user u ON u.id = r.entered_by
                WHERE r.status = 'submitted' AND (?1 IS NULL OR r.employer_code = ?1)
                """), arguments: [employerCode])
            let items = try rows.map { row in
                let record = try TimeRecord(stored: row)
                return ValidationQueueItem(
                    record: record, dossier: BatchedReads.listRow(prefixed: row), enteredBy: record.enteredBy,
                    enteredByName: row["entered_by_name"],
                    ageDays: BatchedReads.ageDays(createdAt: row["created_at"], start: record.start, asOf: asOf),
                    link: DossierLink(dossierID: record.dossierID, tab: .timeRecords))
            }
            return items.sorted { ($1.ageDays, $0.record.start, $0.record.id) < ($0.ageDays, $1.record.start, $1.record.id) }
        }
    }
}
