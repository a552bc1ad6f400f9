import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

/// The writes of the time, review, payroll, reassignment and art. 60 screens. Each one checks the
/// domain rules and the writer's grants first, then writes its outbox row, its audit row and the
/// working view in ONE transaction; a refusal writes nothing.
extension AppDatabase {
    // MARK: Clocking

    /// Records a clocking (in and out on one day) after the clocking rules: at most 9 h a day and
    /// 45 h a week of clocked time, not inside an absence, not in a closed payroll month.
    ///
    /// ```swift
    /// try database.recordClocking(dossierID: id, on: monday, inMinute: 8 * 60, outMinute: 12 * 60, by: user, rules: rules)
    /// ```
    /// With `settling:`, the refused entry it corrects leaves the conflicts list in the same transaction.
    /// - Returns: the outbox row (mutation `recordClocking`, sent as `recordTimeRecord`).
    /// - Throws: `RuleViolation` (`clocking.too_long`, `clocking.week_too_long`, `clocking.during_absence`,
    ///   `time.range`, `month.closed`, `access.denied`), `MissingRowError`.
    @discardableResult
    public func recordClocking(id: String = UUID().uuidString.lowercased(), dossierID: String, on date: LocalDate,
                               inMinute: Int, outMinute: Int, by user: User, rules: RuleBook,
                               settling refused: Int64? = nil, now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        return try write { db in
            let dossier = try Self.liveDossier(db, dossierID)
            try Self.rights(db, user: user, now: now).require(.enterTimeRecord, at: dossier.employerCode)
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM time_record_view WHERE id = ?", arguments: [id]) == nil else {
                throw StoredRowError(table: "time_record", id: id, detail: "already exists")
            }
            let record = TimeRecord.clocking(id: id, employerCode: dossier.employerCode, dossierID: dossier.id, on: date,
                                             inMinute: inMinute, outMinute: outMinute, enteredBy: user.id)
            let monday = date.adding(days: 1 - date.weekday.isoNumber)
            let sheet = try Self.timeSheet(db, dossier: dossier, from: monday, to: monday.adding(days: 6), rules: rules)
            try sheet.check(record, today: clock.localDate(of: now))
            let entry = try Self.writeChange(db, mutation: "recordClocking", sent: .recordTimeRecord(RecordTimeRecord(record)),
                                             entity: "time_record", targetID: id,
                                             employerCode: dossier.employerCode, baseVersion: nil,
                                             payload: MutationPayload(from: [:], to: record.replicaColumns),
                                             user: user, now: now)
            try WorkingView.recompute(db, entity: "time_record", id: id)
            if let refused { try Self.settleByCorrection(db, mutationID: refused, by: user, now: now) }
            return entry
        }
    }

    /// Clocked, expected and remaining time for the clocking form: the day and its week (Monday
    /// to Sunday), pending local records included.
    public func clockingBalance(dossierID: String, on date: LocalDate,
                                rules: RuleBook) throws -> (day: ClockingBalance, week: ClockingBalance) {
        try writer.read { db in
            let dossier = try Self.liveDossier(db, dossierID)
            let monday = date.adding(days: 1 - date.weekday.isoNumber)
            let sheet = try Self.timeSheet(db, dossier: dossier, from: monday, to: monday.adding(days: 6), rules: rules)
            return (sheet.clockingBalance(on: date), sheet.clockingBalance(weekOf: date))
        }
    }

    // MARK: Review

    /// Validates or rejects submitted records, each under the four-eyes rule, the status machine
    /// and (to validate) the certificate rule. Every allowed review is written in ONE transaction;
    /// a refused record does not hold back the others.
    ///
    /// ```swift
    /// let outcomes = try database.reviewTimeRecords(ids: selected, decision: .approve, by: supervisor, rules: rules)
    /// let refused = outcomes.filter { !$0.isAllowed }      // each with its RuleViolation
    /// ```
    /// - Returns: one outcome per id, in the order given.
    /// - Throws: `RuleViolation.rejectionReasonMissing` when rejecting without a reason (nothing
    ///   written), `MissingRowError` for an unknown record, or a database error (nothing written).
    @discardableResult
    public func reviewTimeRecords(ids: [String], decision: ReviewDecision, by user: User, rules: RuleBook,
                                  now: Date? = nil) throws -> [ReviewOutcome] {
        let now = now ?? clock.now()
        if case .reject(let reason) = decision, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw RuleViolation.rejectionReasonMissing
        }
        return try write { db in
            let rights = try Self.rights(db, user: user, now: now)
            var outcomes: [ReviewOutcome] = []
            for id in ids {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM time_record_view WHERE id = ?", arguments: [id]) else {
                    throw MissingRowError(entity: "time_record", id: id)
                }
                let record = try TimeRecord(stored: row)
                let dossier = try Self.liveDossier(db, record.dossierID)
                let reviewed: TimeRecord
                do {
                    try rights.require(.validateTimeRecord, at: dossier.employerCode)
                    switch decision {
                    case .approve:
                        // The certificate rule counts earlier one-day absences of the same year; a
                        // correction also reads the entry it corrects, wherever it lies.
                        var from = LocalDate(year: record.start.year, month: 1, day: 1) ?? record.start
                        var to = record.end
                        if let originalID = record.replacesID,
                           let original = try Row.fetchOne(db, sql: "SELECT * FROM time_record_view WHERE id = ?",
                                                           arguments: [originalID]).map(TimeRecord.init(stored:)) {
                            from = min(from, original.start)
                            to = max(to, original.end)
                        }
                        let sheet = try Self.timeSheet(db, dossier: dossier, from: from, to: to, rules: rules)
                        // The entry a validated correction cancels is cancelled by the server in
                        // the same write; `WorkingView` shows it cancelled from now on.
                        reviewed = try sheet.validatingCorrection(record, by: user)?.correction ?? sheet.validating(record, by: user)
                    case .reject(let reason):
                        reviewed = try record.rejected(by: user, dossierPersonID: dossier.personID,
                                                       reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
                    }
                } catch let violation as RuleViolation {
                    outcomes.append(ReviewOutcome(recordID: id, violation: violation))
                    continue
                }
                let sent = Mutation.reviewTimeRecord(ReviewTimeRecord(
                    recordID: id, decision: reviewed.rejectionReason.map { .reject(reason: $0) } ?? .approve))
                let entry = try Self.writeChange(db, mutation: "reviewTimeRecord", sent: sent, entity: "time_record", targetID: id,
                                                 employerCode: dossier.employerCode, baseVersion: row["version"],
                                                 payload: MutationPayload(from: record.replicaColumns, to: reviewed.replicaColumns),
                                                 user: user, now: now)
                try WorkingView.recompute(db, entity: "time_record", id: id)
                outcomes.append(ReviewOutcome(recordID: id, entry: entry))
            }
            return outcomes
        }
    }

    // MARK: Dossiers

    /// Gives dossiers to another payroll clerk: one `updateDossierField` (`payroll_clerk_id`) outbox
    /// row per dossier whose clerk changes, all in ONE transaction; the list shows the new clerk at once.
    ///
    /// - Returns: the outbox rows written (dossiers already with that clerk write nothing).
    /// - Throws: `RuleViolation.permissionDenied` (`reassign_dossier`) or `MissingRowError` for any
    ///   dossier: then nothing is written for any of them.
    @discardableResult
    public func reassignDossiers(_ ids: [String], toClerk userID: String, by user: User,
                                 now: Date? = nil) throws -> [OutboxEntry] {
        let now = now ?? clock.now()
        return try write { db in
            try ids.compactMap { try Self.changeField(db, $0, .payrollClerk, to: userID, by: user, now: now) }
        }
    }

    /// Makes the moves of a rebalancing proposal (`RebalancingPlanner`) as ordinary
    /// reassignments: each an `updateDossierField` of the payroll clerk with its audit row, all in
    /// one transaction, so either every move is written or none.
    ///
    /// - Returns: the outbox rows written (a dossier already at its new clerk writes none).
    /// - Throws: `RuleViolation.permissionDenied` (`reassign_dossier` at the dossier's employer,
    ///   or the receiving clerk not granted the payroll clerk role there), `MissingRowError`.
    @discardableResult
    public func applyReassignments(_ moves: [WorkloadMove], by user: User, now: Date? = nil) throws -> [OutboxEntry] {
        let now = now ?? clock.now()
        let today = OfficeClock.fixed(now).today.iso
        return try write { db in
            try moves.compactMap { move in
                let granted = try Row.fetchOne(db, sql: """
                    SELECT 1 FROM user_grant g JOIN dossier_view d ON d.employer_code = g.employer_code
                    WHERE d.id = ? AND g.user_id = ? AND g.role = ?
                      AND (g.valid_from IS NULL OR g.valid_from <= ?) AND (g.valid_to IS NULL OR g.valid_to >= ?)
                    """, arguments: [move.dossierID, move.toClerkID, Role.payrollClerk.rawValue, today, today]) != nil
                guard granted else {
                    throw RuleViolation.permissionDenied(permission: .reassignDossier, employerCode: move.employerCode)
                }
                return try Self.changeField(db, move.dossierID, .payrollClerk, to: move.toClerkID, by: user, now: now)
            }
        }
    }

    /// Records that `user` was shown a dossier's full NISS or IBAN: an audit row here and an
    /// outbox row (`recordReveal`) the server keeps in its audit log. Call it before showing the value.
    ///
    /// - Throws: `RuleViolation.permissionDenied` (`view_full_niss` / `view_iban`): do not show it.
    @discardableResult
    public func recordReveal(dossierID: String, field: RevealedField, by user: User,
                             now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        return try write { db in
            let dossier = try Self.liveDossier(db, dossierID)
            try Self.rights(db, user: user, now: now).require(field.permission, at: dossier.employerCode)
            let payload = MutationPayload(fields: ["field": (.null, field.rawValue.databaseValue)])
            return try Self.writeChange(db, mutation: "recordReveal", sent: .recordReveal(RecordReveal(dossierID: dossier.id, field: field)),
                                        entity: "reveal", targetID: dossier.id,
                                        employerCode: dossier.employerCode, baseVersion: nil, payload: payload,
                                        user: user, now: now)
        }
    }

    // MARK: Payroll months

    /// Closes an employer's payroll month: its records are then locked (a later change becomes a
    /// correction in the next open month). Refused while records of the month wait for review.
    ///
    /// - Returns: the outbox row, or nil when the month is already closed (nothing written).
    /// - Throws: `RuleViolation.monthHasSubmittedRecords` (with how many), `.permissionDenied`
    ///   (`close_payroll_month`), `MissingRowError` for an unknown employer.
    @discardableResult
    public func closePayrollMonth(employerCode: String, month: YearMonth, by user: User,
                                  now: Date? = nil) throws -> OutboxEntry? {
        let now = now ?? clock.now()
        return try write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM employer WHERE code = ?", arguments: [employerCode]) != nil else {
                throw MissingRowError(entity: "employer", id: employerCode)
            }
            try Self.rights(db, user: user, now: now).require(.closePayrollMonth, at: employerCode)
            let months = try Row.fetchAll(db, sql: "SELECT * FROM payroll_month_view WHERE employer_code = ?",
                                          arguments: [employerCode]).map(PayrollMonth.init(stored:))
            if PayrollMonth.isClosed(month, in: months) { return nil }
            let submitted = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM time_record_view
                WHERE employer_code = ? AND status = 'submitted' AND start <= ? AND "end" >= ?
                """, arguments: [employerCode, month.lastDay.iso, month.firstDay.iso]) ?? 0
            guard submitted == 0 else { throw RuleViolation.monthHasSubmittedRecords(month: month, count: submitted) }
            let current = months.first { $0.month == month }
            let version = try Int64.fetchOne(db, sql: "SELECT version FROM payroll_month WHERE employer_code = ? AND month = ?",
                                             arguments: [employerCode, month.description])
            let payload = MutationPayload(fields: [
                "employer_code": (current == nil ? .null : employerCode.databaseValue, employerCode.databaseValue),
                "month": (current == nil ? .null : month.description.databaseValue, month.description.databaseValue),
                "status": (current?.status.rawValue.databaseValue ?? .null, PayrollMonthStatus.closed.rawValue.databaseValue),
            ])
            let id = PayrollMonth(employerCode: employerCode, month: month).id
            let entry = try Self.writeChange(db, mutation: "closePayrollMonth",
                                             sent: .closePayrollMonth(ClosePayrollMonth(employerCode: employerCode, month: month)),
                                             entity: "payroll_month", targetID: id,
                                             employerCode: employerCode, baseVersion: version, payload: payload,
                                             user: user, now: now)
            try WorkingView.recompute(db, entity: "payroll_month", id: id)
            return entry
        }
    }

    // MARK: Article 60

    /// Adds a dated event to an article 60 worker's follow-up log (facts only: never health details).
    /// With `settling:`, the refused entry it corrects leaves the conflicts list in the same transaction.
    ///
    /// - Throws: `RuleViolation.permissionDenied` (`manage_art60`), `.art60EmployerNotCPAS`,
    ///   `MissingRowError` for an unknown contract or a placement of another contract.
    @discardableResult
    public func recordArt60Event(id: String = UUID().uuidString.lowercased(), contractID: String, date: LocalDate,
                                 kind: Art60EventKind, placementID: String? = nil, note: String = "", by user: User,
                                 settling refused: Int64? = nil, now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        return try write { db in
            guard let contract = try Row.fetchOne(db, sql: "SELECT * FROM art60_contract WHERE id = ?", arguments: [contractID]) else {
                throw MissingRowError(entity: "art60_contract", id: contractID)
            }
            let employerCode: String = contract["employer_code"]
            let dossierID: String = contract["dossier_id"]
            try Self.rights(db, user: user, now: now).require(.manageArt60, at: employerCode)
            let kindText = try String.fetchOne(db, sql: "SELECT kind FROM employer WHERE code = ?", arguments: [employerCode])
            guard kindText == EmployerKind.cpas.rawValue else { throw RuleViolation.art60EmployerNotCPAS(employerCode: employerCode) }
            if let placementID, try Row.fetchOne(db, sql: "SELECT 1 FROM placement WHERE id = ? AND contract_id = ?",
                                                 arguments: [placementID, contractID]) == nil {
                throw MissingRowError(entity: "placement", id: placementID)
            }
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM art60_event_view WHERE id = ?", arguments: [id]) == nil else {
                throw StoredRowError(table: "art60_event", id: id, detail: "already exists")
            }
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            let columns: [String: DatabaseValue] = [
                "id": id.databaseValue, "employer_code": employerCode.databaseValue, "contract_id": contractID.databaseValue,
                "dossier_id": dossierID.databaseValue, "date": date.iso.databaseValue, "kind": kind.rawValue.databaseValue,
                "placement_id": placementID.databaseValue,
                "note": trimmed.databaseValue, "recorded_by": user.id.databaseValue,
            ]
            let sent = Mutation.recordArt60Event(RecordArt60Event(
                eventID: id, contractID: contractID, dossierID: dossierID, date: date, kind: kind, placementID: placementID,
                note: trimmed))
            let entry = try Self.writeChange(db, mutation: "recordArt60Event", sent: sent, entity: "art60_event", targetID: id,
                                             employerCode: employerCode, baseVersion: nil,
                                             payload: MutationPayload(from: [:], to: columns), user: user, now: now)
            try WorkingView.recompute(db, entity: "art60_event", id: id)
            if let refused { try Self.settleByCorrection(db, mutationID: refused, by: user, now: now) }
            return entry
        }
    }

    /// The follow-up log of one article 60 contract, by date (events not yet sent included).
    public func art60Events(contractID: String) throws -> [Art60Event] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM art60_event_view WHERE contract_id = ? ORDER BY date, id",
                             arguments: [contractID]).map { row in
                let r = StoredRow(row: row, table: "art60_event")
                return Art60Event(id: try r.text("id"), contractID: try r.text("contract_id"), date: try r.date("date"),
                                  kind: try r.value("kind", as: Art60EventKind.self), placementID: r.optionalText("placement_id"),
                                  note: r.optionalText("note") ?? "", recordedBy: try r.text("recorded_by"))
            }
        }
    }

    // MARK: Inside the write transaction

    static func liveDossier(_ db: Database, _ id: String) throws -> Dossier {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM dossier_view WHERE id = ?", arguments: [id]) else {
            throw MissingRowError(entity: "dossier", id: id)
        }
        return try Dossier(stored: row)
    }
}
