import FicheDomain
import GRDB

extension AppDatabase {
    /// Submitted time records of the working view, oldest first: what a supervisor validates.
    ///
    /// A record's age counts from the day it was entered on this replica (its first audit
    /// row), else from its start date (a record pulled from the server); a record about a
    /// future date is 0 days old.
    ///
    /// Only the `limit` oldest are read: a replica may hold hundreds of thousands of submitted
    /// records. They come from the `(status, start)` index in start order, plus the few records
    /// entered here (those with an audit row, whose age may not follow their start date); the
    /// `limit + those` first by start are enough to find the `limit` oldest.
    ///
    /// ```swift
    /// let queue = try database.validationQueue(asOf: today)
    /// queue.first?.ageDays   // 12
    /// ```
    /// - Parameter employerCode: only this employer's records; every employer held when nil.
    public func validationQueue(asOf: LocalDate, employerCode: String? = nil,
                                limit: Int = 500) throws -> [ValidationQueueItem] {
        try writer.read { db in
            let columns = """
                r.*, \(BatchedReads.listSelection), u.display_name AS entered_by_name,
                \(BatchedReads.createdAtColumn(entity: "time_record", idColumn: "r.id"))
                """
            let joins = """
                JOIN dossier_list l ON l.id = r.dossier_id
                LEFT JOIN app_user u ON u.id = r.entered_by
                """
            // Read from the few records entered on this device (their audit rows) outwards: led
            // by the status instead, SQLite would visit every submitted record of the replica.
            let enteredHere = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(columns)
                FROM (SELECT DISTINCT target_id AS id FROM audit WHERE entity = 'time_record') a
                CROSS JOIN time_record_view r ON r.id = a.id
                \(joins)
                WHERE r.status = 'submitted' AND (?1 IS NULL OR r.employer_code = ?1)
                """), arguments: [employerCode])
            let byStart = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(columns) FROM time_record_view r \(joins)
                WHERE r.status = 'submitted' AND (?1 IS NULL OR r.employer_code = ?1)
                ORDER BY r.start, r.id LIMIT ?2
                """), arguments: [employerCode, max(0, limit) + enteredHere.count])
            var seen: Set<String> = []
            var items: [ValidationQueueItem] = []
            for row in enteredHere + byStart {
                let record = try TimeRecord(stored: row)
                guard seen.insert(record.id).inserted else { continue }
                items.append(ValidationQueueItem(
                    record: record, dossier: BatchedReads.listRow(prefixed: row), enteredBy: record.enteredBy,
                    enteredByName: row["entered_by_name"],
                    ageDays: BatchedReads.ageDays(createdAt: row["created_at"], start: record.start, asOf: asOf),
                    link: DossierLink(dossierID: record.dossierID, tab: .timeRecords)))
            }
            items.sort { ($1.ageDays, $0.record.start, $0.record.id) < ($0.ageDays, $1.record.start, $1.record.id) }
            return Array(items.prefix(max(0, limit)))
        }
    }

    /// How many entries wait for validation, at `employerCode` or every employer held: the
    /// queue's true size, of which `validationQueue` lists the `limit` oldest.
    public func submittedCount(employerCode: String? = nil) throws -> Int {
        try writer.read { db in try Self.submittedCount(db, employerCode: employerCode) }
    }
}
