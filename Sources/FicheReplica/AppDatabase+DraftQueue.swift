import FicheDomain
import GRDB

extension AppDatabase {
    /// Entries still in draft that a drafts queue shows `userID`: their own, and every draft at
    /// `employerCodes` (the employers they supervise), oldest start first. Submitting one is
    /// `amendTimeRecord` with status submitted, withdrawing it `deleteTimeRecord`; both stay the
    /// author's alone (`TimeRecord.checkChangeable`), so a supervisor sees others' drafts to
    /// chase them, not to send or delete them.
    ///
    /// Read whole: drafts are what their authors have not finished, a few per clerk. Each table
    /// is read on its own (the overlay's rows, then the mirror's it does not replace): through
    /// `time_record_view` SQLite would first copy every draft and submitted record.
    ///
    /// ```swift
    /// let mine = try database.draftQueue(userID: user.id, employerCodes: [], asOf: today)
    /// ```
    public func draftQueue(userID: String, employerCodes: [String], asOf: LocalDate) throws -> [ValidationQueueItem] {
        try writer.read { db in
            let marks = employerCodes.isEmpty ? "NULL" : databaseQuestionMarks(count: employerCodes.count)
            let arm = { (table: String, extra: String) in
                """
                SELECT \(ReplicaSchema.timeRecordColumns.map { "r.\"\($0)\"" }.joined(separator: ", ")),
                       \(BatchedReads.listSelection), u.display_name AS entered_by_name,
                       \(BatchedReads.createdAtColumn(entity: "time_record", idColumn: "r.id")),
                       r.start AS key_start, r.id AS key_id
                FROM \(table) r
                JOIN dossier_list l ON l.id = r.dossier_id
                LEFT JOIN app_user u ON u.id = r.entered_by
                WHERE r.status = 'draft' AND (r.entered_by = ? OR r.employer_code IN (\(marks))) \(extra)
                """
            }
            let sql = """
                \(arm("local_time_record", "AND r.deleted = 0"))
                UNION ALL
                \(arm("time_record", "AND NOT EXISTS (SELECT 1 FROM local_time_record o WHERE o.id = r.id)"))
                ORDER BY key_start, key_id
                """
            let arguments: [(any DatabaseValueConvertible)?] = [userID] + employerCodes + [userID] + employerCodes
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let record = try TimeRecord(stored: row)
                return ValidationQueueItem(
                    record: record, dossier: BatchedReads.listRow(prefixed: row), enteredBy: record.enteredBy,
                    enteredByName: row["entered_by_name"],
                    ageDays: BatchedReads.ageDays(createdAt: row["created_at"], start: record.start, asOf: asOf),
                    link: DossierLink(dossierID: record.dossierID, tab: .timeRecords))
            }
        }
    }
}
