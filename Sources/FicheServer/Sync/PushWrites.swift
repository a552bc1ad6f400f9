import FicheDomain
import FicheSyncProtocol
import Foundation

/// What the mutations of one push transaction append, kept until its end and written then with
/// a few multi-row statements instead of several statements per mutation: new time records
/// (written earlier when a mutation of another kind comes, so its statements see them), change-log entries
/// (their sequences numbered on from the clock head read when the clock was locked), stored
/// answers, devices' last mutation ids, and audit entries.
///
/// Reads that do not change within the transaction are made once and kept: the round's devices
/// and the answers already given to its uuids, the dossiers named and the records around new
/// time records (`locking`, one batch of statements per round), a user's grants, an employer's row
/// and payroll months. Later mutations of the same transaction read
/// through it, so they see what earlier ones wrote.
struct PushWrites {
    /// A device as read in this transaction, with its last mutation id as moved since.
    struct Device {
        var userID: String
        var lastMutationID: Int64
        var revoked: Bool
    }

    /// The tables whose rows a round never keeps, so a new row needs nothing dropped.
    enum UnkeptTable: String {
        case notes
        case art60Events = "art60_events"
    }

    /// The last sequence given out, or the head read when the clock was locked.
    private(set) var head: Int64
    private var lockedHead: Int64
    private var logged: [[SQLValue]] = []
    private var answers: [[SQLValue]] = []
    private var audits: [AuditLog.Repeated] = []
    /// Last-seen time of each device whose last mutation id moved in this transaction.
    private var seen: [String: String] = [:]
    private var devices: [String: Device] = [:]
    private var answersByMutation: [String: String] = [:]
    private var answersByUUID: [String: String] = [:]
    /// Uuids whose answers in the store were all read by `locking`.
    private var prefetchedUUIDs: Set<String> = []
    private var grantsByUser: [String: [Grant]] = [:]
    private var employers: [String: StoreRow] = [:]
    /// Dossier rows by id, and the ids looked up (a missing row was not found).
    private var dossiers: [String: StoreRow] = [:]
    private var dossiersRead: Set<String> = []
    /// Live time records by dossier.
    private var timeRecords: [String: [TimeRecord]] = [:]
    /// Live time records by dossier within that dossier's `recordWindows` only: what checking
    /// a new record needs (its rules look at the same days and weeks), without a dossier's
    /// whole history.
    private var windowRecords: [String: [TimeRecord]] = [:]
    private var recordWindows: [String: ClosedRange<LocalDate>] = [:]
    /// Beside `recordWindows` (every kind), the days over which a dossier's absences of the
    /// leave balance's types are in `windowRecords`: the years an annual leave's balance reads.
    private var balanceWindows: [String: ClosedRange<LocalDate>] = [:]
    /// The absence types the leave balance counts (from the round's `locking`).
    private var balanceTypes: [String] = []
    /// Time-record ids known to exist, and the ids looked up.
    private var recordIDs: Set<String> = []
    private var recordIDsRead: Set<String> = []
    private var payrollMonths: [String: [PayrollMonth]] = [:]
    /// Career periods by dossier, each as read or why it cannot be (no push changes them).
    private var careerPeriods: [String: [Result<CareerPeriod, MutationRejection>]] = [:]
    /// New time records not yet written: a run of new records is one multi-row statement.
    private var newRecords: [[SQLValue]] = []
    private var newRecordColumns: [String] = []

    init(head: Int64) {
        self.head = head
        lockedHead = head
    }

    /// The sequence the next logged entry gets (a new row can be written with it as version).
    var nextSequence: Int64 { head + 1 }

    /// Locks the clock (`ChangeLog.lockClockReadingHead`) and reads for a whole round what its
    /// mutations will look up: the devices, the answers already given to its uuids, the
    /// dossiers named, their career periods, and for time records the dossiers' live records
    /// and which ids exist. A few statements for the round instead of several per mutation,
    /// sent as one batch behind the lock (`StoreTransaction.batch`): the round waits for the
    /// database once, while it holds the clock. `leaveRules` say which days an entry's rules
    /// read (the years of an annual leave's balance).
    static func locking(for round: [(request: PushRequest, caller: Caller)], leaveRules: LeaveRules,
                        in tx: any StoreTransaction) async throws -> PushWrites {
        var named: Set<String> = []
        var records: Set<String> = []
        var windows: [String: ClosedRange<LocalDate>] = [:]
        var balanceYears: [String: ClosedRange<LocalDate>] = [:]
        func widen(_ window: ClosedRange<LocalDate>, _ dossierID: String, in windows: inout [String: ClosedRange<LocalDate>]) {
            windows[dossierID] = windows[dossierID].map {
                min($0.lowerBound, window.lowerBound)...max($0.upperBound, window.upperBound)
            } ?? window
        }
        for pending in round.flatMap(\.request.mutations) {
            switch pending.mutation {
            case .recordAbsence(let payload), .recordTimeRecord(let payload), .amendTimeRecord(let payload):
                named.insert(payload.dossierID)
                records.insert(payload.recordID)
                if payload.start <= payload.end {
                    widen(Self.window(payload.start...payload.end), payload.dossierID, in: &windows)
                    let years = leaveRules.datesToRead(kind: payload.kind, typeCode: payload.typeCode,
                                                       dates: payload.start...payload.end)
                    if years != payload.start...payload.end { widen(years, payload.dossierID, in: &balanceYears) }
                }
            case .updateDossierField(let payload): named.insert(payload.dossierID)
            case .addNote(let payload): named.insert(payload.dossierID)
            case .recordArt60Event(let payload): named.insert(payload.dossierID)
            case .recordReveal(let payload): named.insert(payload.dossierID)
            case .reviewIBANChange(let payload): named.insert(payload.dossierID)
            case .reviewTimeRecord, .closePayrollMonth, .recordCertificate, .deleteTimeRecord, .editNote, .eraseNote: break
            }
        }
        var writes = PushWrites(head: 0)
        writes.balanceTypes = leaveRules.balanceTypes
        let dossierIDs = named.sorted()
        let windowed = windows.keys.sorted()
        let recordIDs = records.sorted()
        let deviceIDs = Set(round.map(\.caller.deviceID)).sorted()
        let uuids = Set(round.flatMap { $0.request.mutations.map(\.uuid) }).sorted()

        // The time records first: the most rows, read while the database runs the rest.
        var statements = [ChangeLog.clockLock]
        func add(_ statement: StoreStatement?) -> Int? {
            guard let statement else { return nil }
            statements.append(statement)
            return statements.count - 1
        }
        let windowRecords = add(recordIDs.isEmpty || windowed.isEmpty ? nil
                                : writes.windowRecordsStatement(windows: windows, balanceYears: balanceYears))
        let dossiers = add(dossierIDs.isEmpty ? nil : StoreStatement(
            "SELECT * FROM dossiers WHERE id IN (\(Self.placeholders(dossierIDs.count)))", dossierIDs.map(SQLValue.text)))
        let careers = add(windowed.isEmpty ? nil : StoreStatement(
            "SELECT * FROM career_periods WHERE dossier_id IN (\(Self.placeholders(windowed.count))) AND deleted_at IS NULL",
            windowed.map(SQLValue.text)))
        let existing = add(recordIDs.isEmpty ? nil : StoreStatement(
            "SELECT id FROM time_records WHERE id IN (\(Self.placeholders(recordIDs.count)))", recordIDs.map(SQLValue.text)))
        let devices = add(StoreStatement(
            "SELECT id, user_id, last_mutation_id, revoked_at FROM devices WHERE id IN (\(Self.placeholders(deviceIDs.count)))",
            deviceIDs.map(SQLValue.text)))
        // The employers of the dossiers named and their payroll months, and the callers' grants:
        // read once per transaction in any case (`employer`, `payrollMonths`, `grants`), here
        // with the round's other reads rather than each in a wait of its own.
        let ofDossiers = "SELECT employer_code FROM dossiers WHERE id IN (\(Self.placeholders(dossierIDs.count)))"
        let employers = add(dossierIDs.isEmpty ? nil : StoreStatement(
            "SELECT * FROM employers WHERE code IN (\(ofDossiers))", dossierIDs.map(SQLValue.text)))
        let months = add(dossierIDs.isEmpty ? nil : StoreStatement(
            "SELECT employer_code, month, status FROM payroll_months WHERE employer_code IN (\(ofDossiers))",
            dossierIDs.map(SQLValue.text)))
        let userIDs = Set(round.map(\.caller.userID)).sorted()
        let grants = add(StoreStatement(
            "SELECT user_id, id, employer_code, role, valid_from, valid_to FROM grants WHERE user_id IN (\(Self.placeholders(userIDs.count)))",
            userIDs.map(SQLValue.text)))
        let sent = add(uuids.isEmpty ? nil : StoreStatement(
            """
            SELECT m.uuid, d.user_id, m.result FROM mutations m JOIN devices d ON d.id = m.client_id
            WHERE m.uuid IN (\(Self.placeholders(uuids.count)))
            """, uuids.map(SQLValue.text)))

        let decoder = JSONDecoder()
        try await tx.batch(statements) { index, result in
            if index == 0 {
                writes.head = try ChangeLog.head(from: result.rows)
                writes.lockedHead = writes.head
            } else if index == windowRecords {
                for id in windowed { writes.windowRecords[id] = [] }
                for record in TimeSheetLoader.timeRecords(result.table) {
                    writes.windowRecords[record.dossierID, default: []].append(record)
                }
                writes.recordWindows = windows
                writes.balanceWindows = balanceYears
            } else if index == dossiers {
                for row in result.rows {
                    if let id = row.string("id") { writes.dossiers[id] = row }
                }
                writes.dossiersRead.formUnion(dossierIDs)
            } else if index == careers {
                for id in windowed { writes.careerPeriods[id] = [] }
                for row in result.rows {
                    if let id = row.string("dossier_id") {
                        writes.careerPeriods[id, default: []].append(TimeSheetLoader.careerPeriod(row, decoder: decoder))
                    }
                }
            } else if index == existing {
                for row in result.rows {
                    if let id = row.string("id") { writes.recordIDs.insert(id) }
                }
                writes.recordIDsRead.formUnion(recordIDs)
            } else if index == devices {
                for row in result.rows { writes.readDevice(row) }
            } else if index == employers {
                for row in result.rows {
                    if let code = row.string("code") {
                        writes.employers[code] = row
                        writes.payrollMonths[code] = []
                    }
                }
            } else if index == months {
                for row in result.rows {
                    guard let code = row.string("employer_code"), let month = Self.payrollMonth(row, of: code) else { continue }
                    writes.payrollMonths[code, default: []].append(month)
                }
            } else if index == grants {
                for id in userIDs { writes.grantsByUser[id] = [] }
                for row in result.rows {
                    guard let userID = row.string("user_id"), let grant = GrantLoader.grant(from: row, userID: userID) else { continue }
                    writes.grantsByUser[userID, default: []].append(grant)
                }
            } else if index == sent {
                for row in result.rows {
                    guard let uuid = row.string("uuid"), let userID = row.string("user_id"),
                          let answer = row.string("result") else { continue }
                    if writes.answersByUUID["\(userID)/\(uuid)"] == nil { writes.answersByUUID["\(userID)/\(uuid)"] = answer }
                }
                writes.prefetchedUUIDs = Set(uuids)
            }
        }
        return writes
    }

    /// The live records of each dossier within its window, and its absences of the balance's
    /// types within its balance years (one row of `VALUES` per dossier: its id, the window's
    /// first and last day, the years' first and last day or empty).
    ///
    /// The dossiers are named again in an `IN` list: with the join's condition alone (an `OR`
    /// of two ranges) PostgreSQL scans the whole table, 100,000 records in the bench, about
    /// 30 ms with the clock locked; the list lets it read the dossiers' rows by index (2 ms).
    private func windowRecordsStatement(windows: [String: ClosedRange<LocalDate>],
                                        balanceYears: [String: ClosedRange<LocalDate>]) -> StoreStatement {
        let dossiers = windows.keys.sorted()
        return StoreStatement(
            """
            SELECT t.* FROM (VALUES \(dossiers.map { _ in "(?, ?, ?, ?, ?)" }.joined(separator: ", "))) AS w
            JOIN time_records t ON t.dossier_id = w.column1
              AND ((t.start_date <= w.column3 AND t.end_date >= w.column2)\(balanceTerms("t", years: "w.column4", "w.column5")))
            WHERE t.deleted_at IS NULL AND t.dossier_id IN (\(Self.placeholders(dossiers.count)))
            """, dossiers.flatMap { id in
                [SQLValue.text(id), .text(windows[id]?.lowerBound.iso ?? ""), .text(windows[id]?.upperBound.iso ?? ""),
                 .text(balanceYears[id]?.lowerBound.iso ?? ""), .text(balanceYears[id]?.upperBound.iso ?? "")]
            } + balanceTypes.map(SQLValue.text) + dossiers.map(SQLValue.text), asText: true)
    }

    /// A dossier's row (nil when there is none), read once per transaction until `forgetDossier`.
    mutating func dossier(_ id: String, in tx: any StoreTransaction) async throws -> StoreRow? {
        if dossiersRead.contains(id) { return dossiers[id] }
        let row = try await tx.first("SELECT * FROM dossiers WHERE id = ?", [.text(id)])
        dossiers[id] = row
        dossiersRead.insert(id)
        return row
    }

    /// After a write to a dossier's row.
    private mutating func forgetDossier(_ id: String) {
        dossiers[id] = nil
        dossiersRead.remove(id)
    }

    /// ` OR` the balance's absences of `alias` between the days `first` and `last` (SQL
    /// expressions; no row when `first` is empty), followed by one parameter per balance type;
    /// nothing when no type counts.
    private func balanceTerms(_ alias: String, years first: String, _ last: String) -> String {
        guard !balanceTypes.isEmpty else { return "" }
        return """
             OR (\(alias).kind = 'absence' AND \(alias).type_code IN (\(Self.placeholders(balanceTypes.count))) \
            AND \(alias).start_date <= \(last) AND \(alias).end_date >= \(first))
            """
    }

    /// The Monday before `dates` to the Sunday after: the days a new record's rules look at.
    static func window(_ dates: ClosedRange<LocalDate>) -> ClosedRange<LocalDate> {
        let monday = dates.lowerBound.adding(days: 1 - dates.lowerBound.weekday.isoNumber)
        let sunday = dates.upperBound.adding(days: 7 - dates.upperBound.weekday.isoNumber)
        return monday...sunday
    }

    /// A dossier's live time records; with `around`, only those a new record on these dates is
    /// checked against: the records of the same weeks, and with `balanceYears` (an annual
    /// leave's) the absences of the balance's types over those years. From the round's
    /// `locking`, or read then when the round did not foresee them.
    /// Read once per transaction; `inserted` adds new ones, `forgetTimeRecords` drops them
    /// after another change.
    mutating func timeRecords(ofDossier id: String, around dates: ClosedRange<LocalDate>? = nil,
                              balanceYears: ClosedRange<LocalDate>? = nil,
                              in tx: any StoreTransaction) async throws -> [TimeRecord] {
        func covers(_ window: ClosedRange<LocalDate>?, _ days: ClosedRange<LocalDate>) -> Bool {
            window.map { $0.contains(days.lowerBound) && $0.contains(days.upperBound) } ?? false
        }
        if let dates, let known = windowRecords[id], covers(recordWindows[id], Self.window(dates)),
           balanceYears.map({ covers(balanceWindows[id], $0) }) ?? true {
            return known
        }
        if let known = timeRecords[id] { return known }
        try await writeNewRecords(in: tx)
        if let dates {
            // Only the days asked: a dossier's whole history is years of clockings.
            let window = Self.window(dates)
            let records = try await TimeSheetLoader.timeRecords(tx.textTable(
                """
                SELECT * FROM time_records t WHERE t.dossier_id = ? AND t.deleted_at IS NULL
                  AND ((t.start_date <= ? AND t.end_date >= ?)\(balanceTerms("t", years: "?", "?")))
                """,
                [.text(id), .text(window.upperBound.iso), .text(window.lowerBound.iso)]
                    + (balanceTypes.isEmpty ? [] : balanceTypes.map(SQLValue.text)
                        + [.text(balanceYears?.upperBound.iso ?? ""), .text(balanceYears?.lowerBound.iso ?? "")]),
                excluding: []))
            windowRecords[id] = records
            recordWindows[id] = window
            balanceWindows[id] = balanceYears
            return records
        }
        let records = try await TimeSheetLoader.timeRecords(
            tx.textTable("SELECT * FROM time_records WHERE dossier_id = ? AND deleted_at IS NULL", [.text(id)], excluding: []))
        timeRecords[id] = records
        return records
    }

    private mutating func forgetTimeRecords(ofDossier id: String) {
        timeRecords[id] = nil
        windowRecords[id] = nil
    }

    /// Whether a time record with this id exists (live or deleted).
    mutating func timeRecordExists(_ id: String, in tx: any StoreTransaction) async throws -> Bool {
        if recordIDs.contains(id) { return true }
        if recordIDsRead.contains(id) { return false }
        let exists = try await tx.first("SELECT id FROM time_records WHERE id = ?", [.text(id)]) != nil
        recordIDsRead.insert(id)
        if exists { recordIDs.insert(id) }
        return exists
    }

    /// Keeps a new time record's row (`columns` the same for every new record) to write with
    /// the next ones, when another kind of mutation comes or before the commit.
    mutating func insertLater(_ record: TimeRecord, columns: [String], values: [SQLValue]) {
        newRecordColumns = columns
        newRecords.append(values)
        recordIDs.insert(record.id)
        timeRecords[record.dossierID]?.append(record)
        windowRecords[record.dossierID]?.append(record)
    }

    /// Writes the new time records kept so far: before any statement that may read or change
    /// time records, so it sees them.
    mutating func writeNewRecords(in tx: any StoreTransaction) async throws {
        guard !newRecords.isEmpty else { return }
        try await BulkInsert.insert(into: "time_records", columns: newRecordColumns, rows: newRecords, in: tx)
        newRecords = []
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// A device read in this transaction.
    func device(_ deviceID: String) -> Device? {
        devices[deviceID]
    }

    /// Keeps a row with `id`, `user_id`, `last_mutation_id` and `revoked_at` of `devices`.
    mutating func readDevice(_ row: StoreRow) {
        guard let id = row.string("id"), let userID = row.string("user_id") else { return }
        devices[id] = Device(userID: userID, lastMutationID: row.int("last_mutation_id") ?? 0,
                             revoked: row.string("revoked_at") != nil)
    }

    /// The last mutation id of a device already read in this transaction.
    func lastMutationID(of deviceID: String) -> Int64? {
        devices[deviceID]?.lastMutationID
    }

    /// A user's grants, if read in this transaction.
    func grants(of userID: String) -> [Grant]? {
        grantsByUser[userID]
    }

    mutating func readGrants(_ grants: [Grant], of userID: String) {
        grantsByUser[userID] = grants
    }

    /// An employer's row, read once per transaction (employers change only under the clock lock).
    mutating func employer(_ code: String, in tx: any StoreTransaction) async throws -> StoreRow? {
        if let known = employers[code] { return known }
        let row = try await tx.first("SELECT * FROM employers WHERE code = ?", [.text(code)])
        employers[code] = row
        return row
    }

    /// An employer's payroll months, read once per transaction until `forgetPayrollMonths`.
    /// The career periods of the dossiers whose time records the round checks, one statement.
    /// A dossier's career periods (the days it works), read once per transaction.
    mutating func careerPeriods(ofDossier id: String,
                                in tx: any StoreTransaction) async throws -> [Result<CareerPeriod, MutationRejection>] {
        if let known = careerPeriods[id] { return known }
        let periods = try await tx.query("SELECT * FROM career_periods WHERE dossier_id = ? AND deleted_at IS NULL",
                                         [.text(id)]).map { TimeSheetLoader.careerPeriod($0) }
        careerPeriods[id] = periods
        return periods
    }

    mutating func payrollMonths(of employer: String, in tx: any StoreTransaction) async throws -> [PayrollMonth] {
        if let known = payrollMonths[employer] { return known }
        let months = try await tx.query("SELECT month, status FROM payroll_months WHERE employer_code = ?",
                                        [.text(employer)]).compactMap { Self.payrollMonth($0, of: employer) }
        payrollMonths[employer] = months
        return months
    }

    /// A payroll month from a row with `month` and `status`.
    private static func payrollMonth(_ row: StoreRow, of employer: String) -> PayrollMonth? {
        // try?: months this server wrote as YYYY-MM; a row that is not one names no month to check.
        guard let month = try? YearMonth.parse(row.string("month") ?? "") else { return nil }
        return PayrollMonth(employerCode: employer, month: month,
                            status: PayrollMonthStatus(rawValue: row.string("status") ?? "") ?? .open)
    }

    /// After a write to an employer's payroll months.
    private mutating func forgetPayrollMonths(of employer: String) {
        payrollMonths[employer] = nil
    }

    // MARK: Writes

    // Every row a mutation changes is written here, never by a handler on the transaction: each
    // write drops (or updates) what this round keeps of the rows it touches, so a later mutation
    // of the round reads what the earlier ones wrote. `PushWritesTests` fails if a handler
    // writes on the transaction itself.

    /// Sets one column of a dossier; returns the row as it now is.
    mutating func updateDossier(_ id: String, column: String, to value: String?,
                                in tx: any StoreTransaction) async throws -> StoreRow? {
        try await updateDossier(id, setting: [(column, value)], in: tx)
    }

    /// Sets several columns of a dossier at once (an IBAN and its pending change); returns the
    /// row as it now is.
    mutating func updateDossier(_ id: String, setting values: [(column: String, value: String?)],
                                in tx: any StoreTransaction) async throws -> StoreRow? {
        let assignments = values.map { "\($0.column) = ?" }.joined(separator: ", ")
        try await tx.execute("UPDATE dossiers SET \(assignments) WHERE id = ?", values.map { .optional($0.value) } + [.text(id)])
        forgetDossier(id)
        return try await dossier(id, in: tx)
    }

    /// Writes a reviewer's decision on a time record; returns the record's row as it now is.
    mutating func review(_ reviewed: TimeRecord, in tx: any StoreTransaction) async throws -> StoreRow? {
        try await writeNewRecords(in: tx)
        try await tx.execute("UPDATE time_records SET status = ?, reviewed_by = ?, rejection_reason = ? WHERE id = ?",
                             [.text(reviewed.status.rawValue), .optional(reviewed.reviewedBy),
                              .optional(reviewed.rejectionReason), .text(reviewed.id)])
        forgetTimeRecords(ofDossier: reviewed.dossierID)
        return try await tx.first("SELECT * FROM time_records WHERE id = ?", [.text(reviewed.id)])
    }

    /// Records that an absence's certificate arrived; returns the record's row as it now is.
    mutating func receiveCertificate(_ record: TimeRecord, in tx: any StoreTransaction) async throws -> StoreRow? {
        try await writeNewRecords(in: tx)
        try await tx.execute("UPDATE time_records SET certificate_received = '1' WHERE id = ?", [.text(record.id)])
        forgetTimeRecords(ofDossier: record.dossierID)
        return try await tx.first("SELECT * FROM time_records WHERE id = ?", [.text(record.id)])
    }

    /// Writes an entry as its author corrected it (every value a form sets, the review cleared:
    /// the columns of origin `entry` and `review`); returns the record's row as it now is.
    mutating func amend(_ record: TimeRecord, in tx: any StoreTransaction) async throws -> StoreRow? {
        try await writeNewRecords(in: tx)
        let columns = RecordTimeRecord.columns.filter { $0.origin == .entry || $0.origin == .review }
        try await tx.execute(
            "UPDATE time_records SET \(columns.map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE id = ?",
            columns.map { .optional($0.text(of: record)) } + [.text(record.id)])
        forgetTimeRecords(ofDossier: record.dossierID)
        return try await tx.first("SELECT * FROM time_records WHERE id = ?", [.text(record.id)])
    }

    /// Marks an entry deleted at `time` (the row stays, for the audit and the change log).
    mutating func delete(_ record: TimeRecord, at time: String, in tx: any StoreTransaction) async throws {
        try await writeNewRecords(in: tx)
        try await tx.execute("UPDATE time_records SET deleted_at = ? WHERE id = ?", [.text(time), .text(record.id)])
        forgetTimeRecords(ofDossier: record.dossierID)
    }

    /// Inserts a new row of a table no round keeps (notes, art. 60 events).
    mutating func insert(into table: UnkeptTable, _ fields: [(String, SQLValue)], in tx: any StoreTransaction) async throws {
        try await tx.execute(
            "INSERT INTO \(table.rawValue) (\(fields.map(\.0).joined(separator: ", "))) VALUES (\(Self.placeholders(fields.count)))",
            fields.map(\.1))
    }

    /// Sets columns of a note (its author's edit, or its erasure); returns the row as it now is.
    mutating func updateNote(_ id: String, setting values: [(column: String, value: SQLValue)],
                             in tx: any StoreTransaction) async throws -> StoreRow? {
        try await tx.execute("UPDATE notes SET \(values.map { "\($0.column) = ?" }.joined(separator: ", ")) WHERE id = ?",
                             values.map(\.value) + [.text(id)])
        return try await tx.first("SELECT * FROM notes WHERE id = ?", [.text(id)])
    }

    /// Rewrites every change-log entry of note `id` logged so far, stored or kept in this round,
    /// so that no text its author replaced or erased stays in the log: each becomes `row` (the
    /// note as it now is), or a delete without a row when `row` is nil (an erased note). A device
    /// that pulls an older entry then reads the note as it now is, or deletes it.
    mutating func rewriteNoteLog(_ id: String, to row: [String: String?]?, in tx: any StoreTransaction) async throws {
        let json = row.map(ChangeLog.encode)
        if json == nil {
            try await tx.execute("UPDATE change_log SET op = 'delete', row_json = NULL WHERE entity = 'note' AND entity_id = ?",
                                 [.text(id)])
        } else {
            try await tx.execute("UPDATE change_log SET row_json = ? WHERE entity = 'note' AND entity_id = ?",
                                 [.optional(json), .text(id)])
        }
        // The columns of `ChangeLog.columns`: entity 2, entity_id 3, op 4, row_json 6.
        for index in logged.indices where logged[index][2] == .text(SyncEntity.note.rawValue) && logged[index][3] == .text(id) {
            if json == nil { logged[index][4] = .text(ChangeOperation.delete.rawValue) }
            logged[index][6] = .optional(json)
        }
    }

    /// Closes an employer's payroll month.
    mutating func closePayrollMonth(_ month: YearMonth, of employer: String, in tx: any StoreTransaction) async throws {
        try await tx.execute(
            """
            INSERT INTO payroll_months (employer_code, month, status) VALUES (?, ?, 'closed')
            ON CONFLICT (employer_code, month) DO UPDATE SET status = 'closed'
            """, [.text(employer), .text(month.description)])
        forgetPayrollMonths(of: employer)
    }

    /// Gives a written row the sequence its change-log entry got as its version.
    mutating func setVersion(_ version: Int64, table: String, id: String, in tx: any StoreTransaction) async throws {
        try await writeNewRecords(in: tx)
        try await tx.execute("UPDATE \(table) SET version = ? WHERE id = ?", [.int(version), .text(id)])
        switch table {
        case "dossiers": forgetDossier(id)
        case "time_records":
            // The record's dossier is not known here: what is kept of every dossier's records goes.
            timeRecords = [:]
            windowRecords = [:]
            recordWindows = [:]
            balanceWindows = [:]
        default: break
        }
    }

    /// The stored answer to a device's mutation id, if given in this transaction.
    func answer(device deviceID: String, mutation id: Int64) -> String? {
        answersByMutation["\(deviceID)/\(id)"]
    }

    /// The stored answer to a user's entry uuid, if given in this transaction or read by
    /// `locking`; `known` is true when the store need not be asked.
    func answer(user userID: String, uuid: String) -> (answer: String?, known: Bool) {
        let answer = answersByUUID["\(userID)/\(uuid)"]
        return (answer, answer != nil || prefetchedUUIDs.contains(uuid))
    }

    /// Appends a change-log entry under the next sequence; returns it.
    mutating func log(_ entry: ChangeLog.Entry) throws -> Int64 {
        head += 1
        logged.append(try ChangeLog.row(entry, seq: head))
        return head
    }

    /// Keeps the answer to a device's mutation and moves the device's last mutation id.
    mutating func record(_ result: MutationResult, of pending: PendingMutation, caller: Caller, at nowText: String) throws {
        let encoded = String(decoding: result.encodedJSON, as: UTF8.self)
        answers.append([.text(caller.deviceID), .int(pending.id), .text(pending.uuid), .text(pending.mutation.name),
                        .text(result.status.rawValue), .optional(result.reason), .text(encoded),
                        result.seq.map(SQLValue.int) ?? .null, .text(nowText)])
        answersByMutation["\(caller.deviceID)/\(pending.id)"] = encoded
        answersByUUID["\(caller.userID)/\(pending.uuid)"] = encoded
        seen[caller.deviceID] = nowText
        devices[caller.deviceID]?.lastMutationID = pending.id
    }

    mutating func audit(_ entry: AuditLog.Entry, at nowText: String) {
        audits.append(AuditLog.Repeated(entry: entry, at: nowText, repeats: 1, lastAt: nil))
    }

    /// Writes everything kept, before the transaction commits, in one batch
    /// (`StoreTransaction.batch`): the round waits for the database once.
    /// - Returns: how the devices' update moved `auth_generation`, nil when no device changed.
    mutating func flush(in tx: any StoreTransaction) async throws -> GenerationStep? {
        var statements = BulkInsert.statements(into: "time_records", columns: newRecordColumns, rows: newRecords)
        newRecords = []
        statements += BulkInsert.statements(into: "change_log", columns: ChangeLog.columns, rows: logged)
        if head != lockedHead {
            statements.append(StoreStatement("UPDATE sync_clock SET seq = ? WHERE id = 1", [.int(head)]))
        }
        statements += BulkInsert.statements(
            into: "mutations",
            columns: ["client_id", "mutation_id", "uuid", "name", "status", "reason", "result", "seq", "created_at"],
            rows: answers)
        var generation: (before: Int, after: Int)?
        let rows = seen.sorted { $0.key < $1.key }.map { ($0.key, devices[$0.key]?.lastMutationID ?? 0, $0.value) }
        if !rows.isEmpty {
            // Locks the counter's row (an UPDATE that changes nothing) so that no other writer
            // moves it between this reading and the one after the devices' update.
            statements.append(StoreStatement("UPDATE auth_generation SET value = value WHERE id = 1 RETURNING value"))
            statements.append(StoreStatement(
                """
                UPDATE devices SET last_mutation_id = v.column2, last_seen_at = v.column3
                FROM (VALUES \(rows.map { _ in "(?, ?, ?)" }.joined(separator: ", "))) AS v
                WHERE devices.id = v.column1
                """,
                rows.flatMap { [SQLValue.text($0.0), .int($0.1), .text($0.2)] }))
            statements.append(StoreStatement("SELECT value FROM auth_generation WHERE id = 1"))
            generation = (statements.count - 3, statements.count - 1)
        }
        if let audit = AuditLog.statement(audits) { statements.append(audit) }
        let results = try await tx.batch(statements)
        guard let generation, let before = results[generation.before].rows.first?.int("value"),
              let after = results[generation.after].rows.first?.int("value") else { return nil }
        return GenerationStep(from: before, to: after, lastMutationIDs: Dictionary(uniqueKeysWithValues: rows.map { ($0.0, $0.1) }))
    }
}
