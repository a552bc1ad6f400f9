import Foundation
import FicheDomain
import FicheSyncProtocol

/// Builds the domain `TimeSheet` of one dossier from the store, to check a new time record
/// (the employer, its payroll months and the dossier's records read through the push
/// transaction's `PushWrites`).
struct TimeSheetLoader {
    let ruleBook: RuleBook

    /// The dossier's sheet; `checking` a new record, only the records its rules look at.
    func sheet(for dossierRow: StoreRow, checking record: TimeRecord? = nil, in tx: any StoreTransaction,
               writes: inout PushWrites) async throws -> TimeSheet {
        guard let id = dossierRow.string("id"), let employerCode = dossierRow.string("employer_code"),
              let employerRow = try await writes.employer(employerCode, in: tx)
        else { throw MutationRejection(code: "dossier.not_found") }
        let employer = Employer(
            code: employerCode, kind: EmployerKind(rawValue: employerRow.string("kind") ?? "") ?? .commune,
            nameFR: employerRow.string("name_fr") ?? "", nameNL: employerRow.string("name_nl") ?? "",
            holidayCalendarID: employerRow.string("holiday_calendar_id") ?? "",
            payrollCutOffDay: Int(employerRow.int("payroll_cutoff_day") ?? 20))
        let dossier = Dossier(
            // The person is known by NISS: an account's own dossier is the one with its NISS (four-eyes rule).
            id: id, employerCode: employerCode, number: dossierRow.string("number") ?? "",
            personID: dossierRow.string("niss") ?? id,
            status: DossierStatus(rawValue: dossierRow.string("status") ?? "") ?? .active,
            category: StaffCategory(rawValue: dossierRow.string("category") ?? "") ?? .contractual,
            startDate: try LocalDate.parse(dossierRow.string("start_date") ?? ""))
        // An annual leave reads the entries of its years and of the year before (its balance), as the replica does.
        let leaveRules = ruleBook.leaveRules
        let records = try await writes.timeRecords(
            ofDossier: id, around: record?.dates,
            balanceYears: record.flatMap { leaveRules.usesBalance($0) ? leaveRules.datesToRead(for: $0) : nil }, in: tx)
        let months = try await writes.payrollMonths(of: employerCode, in: tx)
        // The working days come from the dossier's career, as on the replica (which receives the
        // same periods); a dossier without one works the usual week of its regime.
        let periods = try await writes.careerPeriods(ofDossier: id, in: tx)
        // try?: the regime is written by the server in this format; a dossier without one is full time, as when it was created.
        let regime = (try? RegimeFraction.parse(dossierRow.string("regime_percent") ?? "100")) ?? .fullTime
        let calendar: WorkCalendar
        let leave: LeaveAccount?
        do {
            let holidays = try ruleBook.holidayCalendar(for: employer)
            let career = Career(periods: try periods.map { try $0.get() })
            calendar = periods.isEmpty
                ? WorkCalendar(holidays: holidays, schedule: try WorkSchedule.usual(for: regime))
                : WorkCalendar(holidays: holidays, career: career)
            // The annual leave balance, from the same career and birth date the replica has.
            leave = periods.isEmpty ? nil
                : LeaveAccount(periods: career.periods, birthDate: try LocalDate.parse(dossierRow.string("birth_date") ?? ""),
                               rules: ruleBook.leaveRules)
        } catch {
            throw MutationRejection(code: "rules.calendar")
        }
        return TimeSheet(dossier: dossier, records: records, catalogue: ruleBook.absenceCatalogue, calendar: calendar,
                         payrollMonths: months, leave: leave)
    }

    /// A career period as stored (its schedule as JSON), or why it cannot be read; `decoder`
    /// may be shared by the rows of one statement.
    static func careerPeriod(_ row: StoreRow, decoder: JSONDecoder = JSONDecoder()) -> Result<CareerPeriod, MutationRejection> {
        do {
            let schedule = try decoder.decode(WorkSchedule.self, from: Data((row.string("schedule") ?? "").utf8))
            return .success(CareerPeriod(
                id: row.string("id") ?? "", dossierID: row.string("dossier_id") ?? "",
                start: try LocalDate.parse(row.string("start_date") ?? ""),
                end: try row.string("end_date").map { try LocalDate.parse($0) }, grade: row.string("grade") ?? "",
                scale: row.string("scale") ?? "", regime: try RegimeFraction(thousandths: Int(row.int("regime") ?? 1000)),
                schedule: schedule, category: StaffCategory(rawValue: row.string("category") ?? "") ?? .contractual))
        } catch {
            return .failure(MutationRejection(code: "rules.calendar"))
        }
    }

    /// The time record a stored row holds (`RecordTimeRecord.columns`), nil for a row that holds none.
    static func timeRecord(_ row: StoreRow) -> TimeRecord? {
        // try?: a row this server wrote from a checked record; one that does not read is no time record.
        try? TimeRecordColumn.record(text: { row.string($0) })
    }

    /// The time records of the rows of `table` (rows of `time_records`), as `timeRecord` reads
    /// each: the columns found by name once, not a dictionary per row (a push round reads the
    /// balance's absences of each dossier it checks, hundreds of rows).
    static func timeRecords(_ table: TextTable) -> [TimeRecord] {
        let positions = RecordTimeRecord.columns.map { table.columns.firstIndex(of: $0.name) }
        var records: [TimeRecord] = []
        records.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            // try?: as in `timeRecord`, a row that does not read is no time record.
            if let record = try? TimeRecordColumn.record(byPosition: { position, column in
                column.value(text: positions[position].flatMap { table[row, $0] })
            }) {
                records.append(record)
            }
        }
        return records
    }
}
