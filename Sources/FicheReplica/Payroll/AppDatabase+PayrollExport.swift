import FicheDomain
import GRDB

extension AppDatabase {
    /// The payroll figures of `month` for every dossier of `employerCode` employed during it
    /// (active or suspended, and those who left during or after the month), by dossier number.
    ///
    /// `PayrollVariables` computes each line from the dossier's career periods (all of them up
    /// to the month: the sick-leave capital counts the service from the first) and category, its
    /// work calendar (schedules and the employer's holidays) and its records of the month plus the
    /// corrections booked in it, its incapacities and birth leave of the year before the month
    /// (who pays a day depends on the earlier ones: the guaranteed month, the relapse rule, a
    /// birth's employer days) and, for a dossier with a period of a category with a sick-leave
    /// capital, its sick days of the whole career; only validated records count. The data is read in batches of
    /// `BatchedReads.chunkSize` dossiers, one query per table per batch on the
    /// `(dossier_id, start)` indexes, so 10,000 dossiers take a few dozen queries, not 30,000.
    ///
    /// ```swift
    /// let lines = try database.payrollExport(employerCode: "AC-IXL", month: march, rules: rules)
    /// lines.first?.variables.workedDays   // 21
    /// ```
    /// Entries of the month not yet validated are not in the figures; each line counts them
    /// (submitted, draft) so that nothing is left out without a word.
    /// - Throws: `RuleViolation.payrollExportFutureMonth` for a month still to come (the office
    ///   clock's), `MissingRowError` for an unknown employer, `RuleFileError` when its holiday
    ///   calendar is not in the rules, or a database error.
    /// - Parameter progress: called with the share done (0 to 1) as the batches are read and the
    ///   lines computed, for a progress bar.
    /// How far before the month the export reads a dossier's incapacities: a sickness that ended
    /// within this many days before the month can still make a relapse in it.
    static let incapacityLookbackDays = 366

    public func payrollExport(employerCode: String, month: YearMonth, rules: RuleBook,
                              progress: (@Sendable (Double) -> Void)? = nil) throws -> [PayrollExportRow] {
        let today = clock.today
        if let current = YearMonth(year: today.year, month: today.month), month > current {
            throw RuleViolation.payrollExportFutureMonth(month: month, current: current)
        }
        return try writer.read { db in
            guard let employer = try BatchedReads.employers(db)[employerCode] else {
                throw MissingRowError(entity: "employer", id: employerCode)
            }
            let holidays = try rules.holidayCalendar(for: employer)
            let first = month.firstDay, last = month.lastDay
            let dossiers = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT d.id, d.category, l.number, l.last_name, l.first_name
                FROM dossier_view d JOIN dossier_list l ON l.id = d.id
                WHERE d.employer_code = ?1 AND d.start_date <= ?2 AND (d.end_date IS NULL OR d.end_date >= ?3)
                  AND (d.status <> 'left' OR d.end_date IS NOT NULL)
                ORDER BY l.number, d.id
                """), arguments: [employerCode, last.iso, first.iso])
            progress?(0.1)
            let ids: [String] = dossiers.map { $0["id"] }
            let periods = try BatchedReads.careerPeriods(db, dossierIDs: ids, from: nil, to: last)
            progress?(0.3)
            var records = try BatchedReads.timeRecords(db, dossierIDs: ids, from: first, to: last, correctionMonth: month)
            // Each dossier is read once: the year before the month, or its whole career when
            // it has a sick-leave capital.
            let capital = rules.sickLeaveCapital
            let withCapital = Set(dossiers.compactMap { row -> String? in
                let id: String = row["id"]
                let name: String = row["category"]
                let category = StaffCategory(rawValue: name) ?? .contractual
                let categories = [category] + (periods[id] ?? []).map(\.category)
                return categories.contains(where: capital.categories.contains) ? id : nil
            })
            let lookbackCodes = rules.absenceCatalogue.types.filter { $0.isIncapacity || $0.employerDays != nil }.map(\.code)
            var earlier = try BatchedReads.earlierAbsences(db, dossierIDs: ids.filter { !withCapital.contains($0) },
                                                            typeCodes: lookbackCodes,
                                                            endingSince: first.adding(days: -Self.incapacityLookbackDays),
                                                            before: first)
            let careerCodes = Set(lookbackCodes).union(capital.deductedTypes).sorted()
            let careers = try BatchedReads.earlierAbsences(db, dossierIDs: ids.filter(withCapital.contains),
                                                            typeCodes: careerCodes, endingSince: nil, before: first)
            earlier.merge(careers) { $0 + $1 }
            for (id, list) in earlier {
                let known = Set((records[id] ?? []).map(\.id))
                records[id, default: []].append(contentsOf: list.filter { !known.contains($0.id) })
            }
            progress?(0.6)
            return dossiers.enumerated().map { index, row in
                if index % 1_000 == 999 { progress?(0.6 + 0.4 * Double(index) / Double(dossiers.count)) }
                let id: String = row["id"]
                let career = Career(periods: periods[id] ?? [])
                let calendar = BatchedReads.workCalendar(holidays: holidays, periods: career.periods)
                let categoryName: String = row["category"]
                let category = StaffCategory(rawValue: categoryName) ?? .contractual
                let variables = PayrollVariables(dossierID: id, month: month, career: career, category: category,
                                                 calendar: calendar, records: records[id] ?? [],
                                                 catalogue: rules.absenceCatalogue, guaranteedSalary: rules.guaranteedSalary,
                                                 sickLeaveCapital: rules.sickLeaveCapital)
                let open = (records[id] ?? []).filter { $0.start <= last && $0.end >= first }
                return PayrollExportRow(dossierID: id, dossierNumber: row["number"], lastName: row["last_name"],
                                        firstName: row["first_name"], variables: variables,
                                        submittedEntries: open.filter { $0.status == .submitted }.count,
                                        draftEntries: open.filter { $0.status == .draft }.count)
            }
        }
    }

    /// The validated corrections of `employerCode` booked in `month`, each with the entry it
    /// corrects, by dossier number then date: the lines `--corrections` writes beside the
    /// monthly figures (whose `corrections` column only counts them).
    public func payrollCorrections(employerCode: String, month: YearMonth) throws -> [PayrollCorrection] {
        try writer.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT t.*, l.number AS list_number, l.last_name AS list_last_name, l.first_name AS list_first_name
                FROM time_record_view t JOIN dossier_list l ON l.id = t.dossier_id
                WHERE t.employer_code = ?1 AND t.correction_month = ?2 AND t.status = 'validated'
                  AND t.replaces_id IS NOT NULL
                ORDER BY l.number, t.start, t.id
                """), arguments: [employerCode, month.description])
            let corrections = try rows.map(TimeRecord.init(stored:))
            let originalIDs = corrections.compactMap(\.replacesID)
            var originals: [String: TimeRecord] = [:]
            for chunk in stride(from: 0, to: originalIDs.count, by: 500).map({ Array(originalIDs[$0..<min($0 + 500, originalIDs.count)]) }) {
                let found = try Row.fetchAll(db, sql: "SELECT * FROM time_record_view WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))",
                                             arguments: StatementArguments(chunk))
                for row in found {
                    let record = try TimeRecord(stored: row)
                    originals[record.id] = record
                }
            }
            return zip(rows, corrections).map { row, correction in
                PayrollCorrection(dossierNumber: row["list_number"], lastName: row["list_last_name"],
                                  firstName: row["list_first_name"], correction: correction,
                                  original: correction.replacesID.flatMap { originals[$0] })
            }
        }
    }
}
