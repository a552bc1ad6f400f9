import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

extension AppDatabase {
    /// Records an absence: checks it with the time-sheet rules, then writes the record, its
    /// outbox row and its audit row in ONE transaction.
    ///
    /// A record that breaks a rule (overlap, closed payroll month, non-working day, unknown
    /// type…) or that the user may not enter throws and writes nothing.
    ///
    /// ```swift
    /// let entry = try database.recordAbsence(.absence(id: UUID().uuidString, employerCode: "AC-IXL",
    ///     dossierID: id, type: "annual_leave", from: monday, to: friday, enteredBy: user.id), by: user, rules: rules)
    /// ```
    /// With `settling:`, the refused entry it corrects leaves the conflicts list in the same transaction.
    /// - Returns: the outbox row, whose id is the mutation id the server will see.
    /// - Throws: `RuleViolation` (translated by the app), `MissingRowError`, or a database error.
    @discardableResult
    public func recordAbsence(_ record: TimeRecord, by user: User, rules: RuleBook, settling refused: Int64? = nil,
                              now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        guard record.kind == .absence else { throw RuleViolation.absenceTypeUnknown(code: record.typeCode ?? record.kind.rawValue) }
        return try write { db in
            guard let dossierRow = try Row.fetchOne(db, sql: "SELECT * FROM dossier_view WHERE id = ?", arguments: [record.dossierID]) else {
                throw MissingRowError(entity: "dossier", id: record.dossierID)
            }
            let dossier = try Dossier(stored: dossierRow)
            guard dossier.employerCode == record.employerCode else { throw MissingRowError(entity: "dossier", id: record.dossierID) }
            try Self.rights(db, user: user, now: now).require(.enterTimeRecord, at: dossier.employerCode)
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM time_record_view WHERE id = ?", arguments: [record.id]) == nil else {
                throw StoredRowError(table: "time_record", id: record.id, detail: "already exists")
            }
            let sheet = try Self.timeSheet(db, dossier: dossier, around: record, rules: rules)
            try sheet.check(record)
            let payload = MutationPayload(from: [:], to: record.replicaColumns)
            let entry = try Self.writeChange(db, mutation: "recordAbsence", sent: .recordAbsence(RecordTimeRecord(record)),
                                             entity: "time_record", targetID: record.id,
                                             employerCode: dossier.employerCode, baseVersion: nil, payload: payload,
                                             user: user, now: now)
            try WorkingView.recompute(db, entity: "time_record", id: record.id)
            if let refused { try Self.settleByCorrection(db, mutationID: refused, by: user, now: now) }
            return entry
        }
    }

    /// Changes one field of a dossier (or of its person: IBAN, names), writing the new value,
    /// its outbox row with `{old, new}` and its audit row in ONE transaction.
    ///
    /// ```swift
    /// try database.updateDossierField("dos-AC-IXL-1", .iban, to: "BE32 1234 5678 9002", by: clerk)
    /// ```
    /// - Parameter value: the new value as typed; `nil` empties an optional field.
    /// - Returns: the outbox row, or nil when the value did not change (nothing written).
    /// - Throws: `RuleViolation` (invalid IBAN, no permission), `FieldValueError`, `MissingRowError`.
    @discardableResult
    public func updateDossierField(_ dossierID: String, _ field: DossierField, to value: String?, by user: User,
                                   now: Date? = nil) throws -> OutboxEntry? {
        let now = now ?? clock.now()
        return try write { db in try Self.changeField(db, dossierID, field, to: value, by: user, now: now) }
    }

    /// The local changes not yet acknowledged by the server, oldest first.
    public func pendingMutations() throws -> [OutboxEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id").map(Self.outboxEntry)
        }
    }

    /// The audit trail of one row (`entity` is `time_record`, `person`, `dossier`, `art60_event`,
    /// `payroll_month` or `reveal` for a dossier whose NISS or IBAN was shown in full), oldest first.
    public func auditTrail(entity: String, targetID: String) throws -> [AuditEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE entity = ? AND target_id = ? ORDER BY id",
                             arguments: [entity, targetID]).map(Self.auditEntry)
        }
    }

    // MARK: Inside the write transaction

    /// One dossier field changed inside the caller's transaction (see `updateDossierField`).
    /// - Parameter base: the value the change starts from when it is not the replica's (a
    ///   conflict settled against the server's current value); nil takes the replica's.
    static func changeField(_ db: Database, _ dossierID: String, _ field: DossierField, to value: String?,
                            from base: DatabaseValue? = nil, by user: User, now: Date) throws -> OutboxEntry? {
        guard let dossierRow = try Row.fetchOne(db, sql: "SELECT * FROM dossier_view WHERE id = ?", arguments: [dossierID]) else {
            throw MissingRowError(entity: "dossier", id: dossierID)
        }
        let dossier = try Dossier(stored: dossierRow)
        let rights = try rights(db, user: user, now: now)
        for permission in field.requiredPermissions { try rights.require(permission, at: dossier.employerCode) }
        guard let (table, column) = field.replicaPlace else {
            throw FieldValueError(field: field, value: value, code: "field.not_on_device")
        }
        let stored = try field.normalized(value, today: OfficeClock.fixed(now).today).databaseValue
        let targetID = table == "person" ? dossier.personID : dossier.id
        guard let current = try Row.fetchOne(db, sql: "SELECT * FROM \(table)_view WHERE id = ?", arguments: [targetID]) else {
            throw MissingRowError(entity: table, id: targetID)
        }
        // An IBAN is changed from the one asked for when one waits for a second person's
        // confirmation (`WorkingView` keeps it as `pending_iban`), else from the one in force;
        // the one in force typed again withdraws the waiting one.
        let waiting: DatabaseValue = field == .iban ? (current["pending_iban"] ?? .null) : .null
        let effective: DatabaseValue = waiting == .null ? (current[column] ?? .null) : waiting
        let old: DatabaseValue = base ?? effective
        if old == stored { return nil }
        let payload = MutationPayload(fields: [column: (old, stored)])
        let sent = Mutation.updateDossierField(UpdateDossierField(
            dossierID: dossier.id, field: field, change: FieldChange(old: MutationPayload.text(old), new: MutationPayload.text(stored))))
        let entry = try writeChange(db, mutation: "updateDossierField", sent: sent, entity: table, targetID: targetID,
                                    employerCode: dossier.employerCode, baseVersion: current["version"],
                                    payload: payload, user: user, now: now)
        try WorkingView.recompute(db, entity: table, id: targetID)
        return entry
    }

    static func rights(_ db: Database, user: User, now: Date) throws -> AccessRights {
        let grants = try Row.fetchAll(db, sql: "SELECT * FROM user_grant WHERE user_id = ?", arguments: [user.id])
            .map(Grant.init(stored:))
        return AccessRights(userID: user.id, grants: grants, on: LocalDate(utc: now))
    }

    /// The dossier's sheet with the records that can clash with `record` (same dates), its
    /// work calendar and its employer's payroll months.
    static func timeSheet(_ db: Database, dossier: Dossier, around record: TimeRecord, rules: RuleBook) throws -> TimeSheet {
        try timeSheet(db, dossier: dossier, from: record.start, to: record.end, rules: rules)
    }

    /// The dossier's sheet with its records that touch `start...end` (working view, pending
    /// changes included), its work calendar and its employer's payroll months (closings made on
    /// this device included).
    static func timeSheet(_ db: Database, dossier: Dossier, from start: LocalDate, to end: LocalDate,
                          rules: RuleBook) throws -> TimeSheet {
        guard let employerRow = try Row.fetchOne(db, sql: "SELECT * FROM employer WHERE code = ?", arguments: [dossier.employerCode]) else {
            throw MissingRowError(entity: "employer", id: dossier.employerCode)
        }
        let employer = try Employer(stored: employerRow)
        let holidays = try rules.holidayCalendar(for: employer)
        let periods = try Row.fetchAll(db, sql: "SELECT * FROM career_period WHERE dossier_id = ? ORDER BY start",
                                       arguments: [dossier.id]).map(CareerPeriod.init(stored:))
        let calendar = periods.isEmpty
            ? WorkCalendar(holidays: holidays, schedule: .fullTime)
            : WorkCalendar(holidays: holidays, career: Career(periods: periods))
        var records = try Row.fetchAll(db, sql: """
            SELECT * FROM time_record_view WHERE dossier_id = ? AND start <= ? AND "end" >= ?
            """, arguments: [dossier.id, end.iso, start.iso]).map(TimeRecord.init(stored:))
        // An annual leave is checked against the balance of its years: their leave entries and the
        // year before's (carried days), as the server reads them (`LeaveRules.datesToRead`).
        let leaveTypes = rules.leaveRules.balanceTypes
        if !leaveTypes.isEmpty, let first = LocalDate(year: start.year - 1, month: 1, day: 1),
           let last = LocalDate(year: max(start.year, end.year), month: 12, day: 31) {
            let known = Set(records.map(\.id))
            records += try Row.fetchAll(db, sql: """
                SELECT * FROM time_record_view WHERE dossier_id = ? AND start <= ? AND "end" >= ?
                AND type_code IN (\(leaveTypes.map { _ in "?" }.joined(separator: ", ")))
                """, arguments: StatementArguments([dossier.id, last.iso, first.iso] + leaveTypes))
                .map(TimeRecord.init(stored:)).filter { !known.contains($0.id) }
        }
        let months = try Row.fetchAll(db, sql: "SELECT * FROM payroll_month_view WHERE employer_code = ?",
                                      arguments: [dossier.employerCode]).map(PayrollMonth.init(stored:))
        return TimeSheet(dossier: dossier, records: records, catalogue: rules.absenceCatalogue, calendar: calendar,
                         payrollMonths: months, leave: try leaveAccount(db, dossier: dossier, career: periods, rules: rules))
    }

    /// What the dossier's annual leave is worked out from; nil without a career or a person.
    static func leaveAccount(_ db: Database, dossier: Dossier, career periods: [CareerPeriod],
                             rules: RuleBook) throws -> LeaveAccount? {
        guard !periods.isEmpty,
              let birth = try String.fetchOne(db, sql: "SELECT birth_date FROM person_view WHERE id = ?",
                                              arguments: [dossier.personID]) else { return nil }
        return LeaveAccount(periods: periods, birthDate: try LocalDate.parse(birth), rules: rules.leaveRules)
    }

    /// Writes the outbox row and the audit row of one change.
    /// - Parameters:
    ///   - mutation: the local action, as the audit and the conflicts list name it.
    ///   - sent: the change exactly as the server will receive it (stored encoded, sent as stored).
    ///   - payload: the row's columns before and after, which the working view replays.
    ///   - audited: what the local history keeps of it, when not `payload` (a note's: never its text).
    static func writeChange(_ db: Database, mutation: String, sent: Mutation, entity: String, targetID: String,
                            employerCode: String, baseVersion: Int64?, payload: MutationPayload,
                            audited: MutationPayload? = nil, user: User, now: Date) throws -> OutboxEntry {
        let createdAt = Self.timestamp(now)
        let uuid = UUID().uuidString.lowercased()
        let json = try payload.json()
        let auditedJSON = try audited?.json() ?? json
        let wire = try OutboxEntry.encoded(sent)
        try db.execute(sql: """
            INSERT INTO outbox (uuid, mutation, entity, target_id, employer_code, base_version, payload, wire, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [uuid, mutation, entity, targetID, employerCode, baseVersion, json, wire, createdAt, user.id])
        let id = db.lastInsertedRowID
        try db.execute(sql: """
            INSERT INTO audit (at, user_id, employer_code, action, entity, target_id, changes, mutation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [createdAt, user.id, employerCode, mutation, entity, targetID, auditedJSON, id])
        return OutboxEntry(id: id, uuid: uuid, mutation: mutation, entity: entity, targetID: targetID,
                           employerCode: employerCode, baseVersion: baseVersion, changes: payload.fieldChanges, sent: sent,
                           createdAt: createdAt, createdBy: user.id, attempts: 0)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func outboxEntry(_ row: Row) throws -> OutboxEntry {
        let payload = try MutationPayload.decode(row["payload"] ?? "")
        let id: Int64 = row["id"]
        return OutboxEntry(id: id, uuid: row["uuid"], mutation: row["mutation"], entity: row["entity"],
                           targetID: row["target_id"], employerCode: row["employer_code"], baseVersion: row["base_version"],
                           changes: payload.fieldChanges, sent: try OutboxEntry.decoded(row["wire"] ?? "", id: id),
                           createdAt: row["created_at"], createdBy: row["created_by"], attempts: row["attempts"])
    }

    static func auditEntry(_ row: Row) throws -> AuditEntry {
        let payload = try MutationPayload.decode(row["changes"] ?? "")
        return AuditEntry(id: row["id"], at: row["at"], userID: row["user_id"], employerCode: row["employer_code"],
                          action: row["action"], entity: row["entity"], targetID: row["target_id"],
                          changes: payload.fieldChanges, mutationID: row["mutation_id"])
    }
}
