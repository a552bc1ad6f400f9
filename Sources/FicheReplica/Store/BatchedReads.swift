import FicheDomain
import GRDB

/// Reads shared by the screens' queries: per-dossier rows loaded for many dossiers at once,
/// work calendars, and the age of a queue item.
enum BatchedReads {
    // Rows are decoded while the cursor steps: a cursor's row finds a column by name in its
    // statement's index, where a fetched (copied) row lower-cases every column name at each
    // lookup — most of a 100,000-dossier queue read went there.

    /// Dossier ids per `IN (…)` query: well under SQLite's parameter limit, and each id is one
    /// seek in the `(dossier_id, start)` index of the mirror and of the overlay.
    static let chunkSize = 500

    /// `ids` in chunks of `chunkSize`.
    static func chunks(_ ids: [String]) -> [[String]] {
        stride(from: 0, to: ids.count, by: chunkSize).map { Array(ids[$0..<min($0 + chunkSize, ids.count)]) }
    }

    /// The time records (working view) of `dossierIDs` touching `from`…`to`, and those booked
    /// as corrections in `correctionMonth` when given, by dossier, in date order.
    ///
    /// Both come from one pass over each dossier's entries of the `(dossier_id, start)` index.
    /// - Parameter kind: only records of this kind (`absence` for the art. 60 count), else all.
    static func timeRecords(_ db: Database, dossierIDs: [String], from: LocalDate, to: LocalDate,
                            correctionMonth: YearMonth? = nil, kind: TimeRecordKind? = nil) throws -> [String: [TimeRecord]] {
        var result: [String: [TimeRecord]] = [:]
        for chunk in chunks(dossierIDs) {
            let statement = try db.cachedStatement(sql: """
                SELECT * FROM time_record_view
                WHERE dossier_id IN (\(databaseQuestionMarks(count: chunk.count)))
                  AND ((start <= ? AND "end" >= ?) OR correction_month = ?) AND (? IS NULL OR kind = ?)
                """)
            let layout = try TimeRecordRowLayout(statement)
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(chunk + [
                to.iso, from.iso, correctionMonth?.description, kind?.rawValue, kind?.rawValue]))
            while let row = try rows.next() {
                let record = try layout.record(row)
                result[record.dossierID, default: []].append(record)
            }
        }
        return result.mapValues { $0.sorted { ($0.start, $0.id) < ($1.start, $1.id) } }
    }

    /// The time records (working view) with `ids`, by id.
    static func timeRecords(_ db: Database, ids: [String]) throws -> [String: TimeRecord] {
        var result: [String: TimeRecord] = [:]
        for chunk in chunks(ids) {
            let statement = try db.cachedStatement(sql: """
                SELECT * FROM time_record_view WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))
                """)
            let layout = try TimeRecordRowLayout(statement)
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let record = try layout.record(row)
                result[record.id] = record
            }
        }
        return result
    }

    /// The validated absences of `typeCodes` of `dossierIDs` that start before `before` and end
    /// on or after `endingSince` (`nil`: any day), by dossier: the incapacities before a payroll
    /// month, or a statutory worker's sick days since the start of the career.
    static func earlierAbsences(_ db: Database, dossierIDs: [String], typeCodes: [String], endingSince: LocalDate?,
                                before: LocalDate) throws -> [String: [TimeRecord]] {
        guard !typeCodes.isEmpty else { return [:] }
        var result: [String: [TimeRecord]] = [:]
        for chunk in chunks(dossierIDs) {
            let statement = try db.cachedStatement(sql: """
                SELECT * FROM time_record_view
                WHERE dossier_id IN (\(databaseQuestionMarks(count: chunk.count))) AND start < ? AND "end" >= ?
                  AND kind = 'absence' AND status = 'validated'
                  AND type_code IN (\(databaseQuestionMarks(count: typeCodes.count)))
                """)
            let layout = try TimeRecordRowLayout(statement)
            // No lower bound: every end is on or after the empty text.
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(
                chunk + [before.iso, endingSince?.iso ?? ""] + typeCodes))
            while let row = try rows.next() {
                let record = try layout.record(row)
                result[record.dossierID, default: []].append(record)
            }
        }
        return result
    }

    /// The career periods of `dossierIDs` touching `from`…`to` (`from` `nil`: every period
    /// starting on or before `to`), by dossier.
    static func careerPeriods(_ db: Database, dossierIDs: [String], from: LocalDate?,
                              to: LocalDate) throws -> [String: [CareerPeriod]] {
        var result: [String: [CareerPeriod]] = [:]
        var schedules: [String: WorkSchedule] = [:]
        for chunk in chunks(dossierIDs) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT * FROM career_period
                WHERE dossier_id IN (\(databaseQuestionMarks(count: chunk.count))) AND start <= ?
                  AND ("end" IS NULL OR "end" >= ?)
                """), arguments: StatementArguments(chunk + [to.iso, from?.iso ?? ""]))
            while let row = try rows.next() {
                let period = try CareerPeriod(stored: row, schedules: &schedules)
                result[period.dossierID, default: []].append(period)
            }
        }
        return result
    }

    /// Every employer held, by code.
    static func employers(_ db: Database) throws -> [String: Employer] {
        let employers = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM employer")).map(Employer.init(stored:))
        return Dictionary(employers.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The work calendar of a dossier: its career periods' schedules and its employer's
    /// holidays; a dossier without career periods is read as full time (as the time-sheet
    /// checks of local writes do), so its records still count on working days.
    static func workCalendar(holidays: HolidayCalendar, periods: [CareerPeriod]) -> WorkCalendar {
        periods.isEmpty
            ? WorkCalendar(holidays: holidays, schedule: .fullTime)
            : WorkCalendar(holidays: holidays, career: Career(periods: periods))
    }

    /// The `created_at` column of a queue query: the first audit row of the record
    /// (`entity`, `idColumn`), read from the `audit_by_target` index; NULL for a record that
    /// was never changed on this replica.
    static func createdAtColumn(entity: String, idColumn: String) -> String {
        """
        (SELECT a.at FROM audit a WHERE a.entity = '\(entity)' AND a.target_id = \(idColumn) ORDER BY a.id LIMIT 1) AS created_at
        """
    }

    /// Days since a record was created: from its first audit row's date (`createdAt`, ISO 8601)
    /// when there is one, else from `start`; never negative (a leave entered for next month is 0 days old).
    static func ageDays(createdAt: String?, start: LocalDate, asOf: LocalDate) -> Int {
        var created = start
        // try?: "is this a date?"; without one the age counts from the record's start, as documented.
        if let createdAt, let date = try? LocalDate.parse(String(createdAt.prefix(10))) { created = date }
        return max(0, created.days(to: asOf))
    }

    /// The `dossier_list` columns of a queue item, selected from `l` under `list_`-prefixed names
    /// (the record's own `id`, `status`… keep theirs).
    static let listSelection = [
        "list_id", "id", "number", "last_name", "first_name", "employer_code", "category", "payroll_clerk",
        "sort_name", "status", "payroll_clerk_id", "clerk_sort",
    ].map { "l.\($0) AS list_\($0)" }.joined(separator: ", ")

    /// The dossier list row of a queue query (see `listSelection`).
    static func listRow(prefixed row: Row) -> DossierListRow {
        DossierListRow(
            id: row["list_id"], dossierNumber: row["list_number"], lastName: row["list_last_name"],
            firstName: row["list_first_name"], employerCode: row["list_employer_code"], category: row["list_category"],
            payrollClerk: row["list_payroll_clerk"], sortName: row["list_sort_name"], status: row["list_status"],
            payrollClerkID: row["list_payroll_clerk_id"], clerkSortKey: row["list_clerk_sort"])
    }

    /// The dossier list rows with `ids`, by id: for a queue that decides on its records before
    /// it names their dossiers.
    static func listRows(_ db: Database, ids: [String]) throws -> [String: DossierListRow] {
        var result: [String: DossierListRow] = [:]
        for chunk in chunks(ids) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(listSelection) FROM dossier_list l WHERE l.id IN (\(databaseQuestionMarks(count: chunk.count)))
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let listRow = listRow(prefixed: row)
                result[listRow.id] = listRow
            }
        }
        return result
    }

    /// When each of the `entity` rows with `ids` was created: its first audit row's `at`, as
    /// `createdAtColumn` reads it for one row. A row without audit is absent.
    static func createdAt(_ db: Database, entity: String, ids: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for chunk in chunks(ids) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT a.target_id, a.at FROM audit a
                WHERE a.entity = ? AND a.target_id IN (\(databaseQuestionMarks(count: chunk.count)))
                ORDER BY a.target_id, a.id
                """), arguments: StatementArguments([entity] + chunk))
            while let row = try rows.next() {
                let id: String = row[0]
                if result[id] == nil { result[id] = row[1] }
            }
        }
        return result
    }

    /// The dossiers (working view) with `ids`, by id.
    static func dossiers(_ db: Database, ids: [String]) throws -> [String: Dossier] {
        var result: [String: Dossier] = [:]
        for chunk in chunks(ids) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT * FROM dossier_view WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let dossier = try Dossier(stored: row)
                result[dossier.id] = dossier
            }
        }
        return result
    }

    /// The birth dates (as stored, `YYYY-MM-DD`) of the persons (working view) with `personIDs`,
    /// by person id; a person without a row is absent, one without a birth date maps to "".
    static func birthDates(_ db: Database, personIDs: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for chunk in chunks(personIDs) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, birth_date FROM person_view WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() { result[row[0]] = (row[1] as String?) ?? "" }
        }
        return result
    }

    /// The work calendar of each of `dossiers` over `from`…`to`: career periods read in
    /// batches, holidays of each dossier's employer.
    static func workCalendars(_ db: Database, dossiers: [Dossier], from: LocalDate, to: LocalDate,
                              rules: RuleBook) throws -> [String: WorkCalendar] {
        let employers = try employers(db)
        var holidays: [String: HolidayCalendar] = [:]
        for code in Set(dossiers.map(\.employerCode)) {
            guard let employer = employers[code] else { throw MissingRowError(entity: "employer", id: code) }
            holidays[code] = try rules.holidayCalendar(for: employer)
        }
        let periods = try careerPeriods(db, dossierIDs: dossiers.map(\.id), from: from, to: to)
        var result: [String: WorkCalendar] = [:]
        for dossier in dossiers {
            guard let calendar = holidays[dossier.employerCode] else { continue }
            result[dossier.id] = workCalendar(holidays: calendar, periods: periods[dossier.id] ?? [])
        }
        return result
    }
}
