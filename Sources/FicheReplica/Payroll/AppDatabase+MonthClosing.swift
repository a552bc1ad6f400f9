import FicheDomain
import GRDB

extension AppDatabase {
    /// The closing checklist of `employerCode`'s payroll `month` on `asOf`: its status, the
    /// records touching it still submitted or in draft (working view), overdue certificates of
    /// absences starting in it (as `missingCertificates`), and the employer's local changes not
    /// yet answered by the server or answered with a conflict or a refusal.
    ///
    /// ```swift
    /// let checklist = try database.monthClosingChecklist(employerCode: "AC-IXL", month: march, asOf: today, rules: rules)
    /// checklist.isClear   // false: 3 records still submitted
    /// ```
    public func monthClosingChecklist(employerCode: String, month: YearMonth, asOf: LocalDate,
                                      rules: RuleBook) throws -> MonthClosingChecklist {
        try writer.read { db in
            let status = try String.fetchOne(db.cachedStatement(sql: """
                SELECT status FROM payroll_month WHERE employer_code = ? AND month = ?
                """), arguments: [employerCode, month.description]).flatMap(PayrollMonthStatus.init(rawValue:)) ?? .open
            // The status is written in the SQL, so that SQLite reads the index of open records; counted
            // table by table, as the validation queue is: through the view, each record's whole
            // row was read (tens of thousands at 100,000 dossiers, half a second).
            func records(_ status: TimeRecordStatus) throws -> Int {
                try Int.fetchOne(db.cachedStatement(sql: Self.tableByTableCount("""
                    r.status = '\(status.rawValue)' AND r.employer_code = ?1 AND r.start <= ?2 AND r."end" >= ?3
                    """)), arguments: [employerCode, month.lastDay.iso, month.firstDay.iso]) ?? 0
            }
            let missing = try Self.missingCertificates(db, asOf: asOf, rules: rules, employerCode: employerCode, in: month)
            let unsent = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM outbox o
                WHERE o.employer_code = ? AND NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = o.id)
                """), arguments: [employerCode]) ?? 0
            let conflicts = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM mutation_result WHERE employer_code = ? AND status IN ('conflict', 'rejected')
                """), arguments: [employerCode]) ?? 0
            return MonthClosingChecklist(employerCode: employerCode, month: month, status: status,
                                         submittedRecords: try records(.submitted), draftRecords: try records(.draft),
                                         missingCertificates: missing.count, unsentChanges: unsent, conflicts: conflicts)
        }
    }
}
