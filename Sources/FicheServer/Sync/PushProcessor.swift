import FicheDomain
import FicheSyncProtocol
import Foundation

/// Applies pushed mutations: idempotent, authorised against the caller's current grants,
/// validated with FicheDomain, with per-field conflict detection.
///
/// Concurrent pushes are committed together (`PushQueue`): one transaction applies every
/// waiting request, each exactly as alone, and each request gets its answer after the commit.
/// When that transaction fails, nothing of it is acknowledged and each request runs again
/// alone, one transaction per mutation, so a bad request cannot fail the others.
struct PushProcessor: Sendable {
    let store: any ServerStore
    let configuration: ServerConfiguration
    let ruleBook: RuleBook
    /// The authenticator's cached callers, moved past each committed round's own change to the
    /// devices (`CallerCache.advance`).
    var callers: CallerCache?
    let queue = PushQueue()

    /// Processes a batch in order; stops at a gap or at a transient failure.
    func push(_ request: PushRequest, caller: Caller) async throws -> PushResponse {
        if let problem = request.boundsProblem { throw APIError.badRequest(problem) }
        return try await queue.submit(request, caller: caller) { round in await self.pushTogether(round) }
    }

    /// Applies the requests of a round in one transaction; if it fails, each request alone.
    func pushTogether(_ round: [(request: PushRequest, caller: Caller)]) async -> [Result<PushResponse, any Error>] {
        do {
            let (responses, step) = try await store.write { tx in try await self.apply(round, in: tx) }
            if let step { callers?.advance(step) }
            return responses.map { .success($0) }
        } catch {
            var results: [Result<PushResponse, any Error>] = []
            for (request, caller) in round {
                do {
                    results.append(.success(try await pushAlone(request, caller: caller)))
                } catch {
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    /// One transaction per mutation, in order; stops at a gap or at a transient failure.
    func pushAlone(_ request: PushRequest, caller: Caller) async throws -> PushResponse {
        var tracker = ResponseTracker(caller: caller)
        for pending in request.mutations {
            let response: PushResponse
            do {
                let (responses, step) = try await store.write { tx in
                    try await self.apply([(PushRequest(mutations: [pending]), caller)], in: tx)
                }
                if let step { callers?.advance(step) }
                response = responses[0]
            } catch let error as APIError {
                throw error
            } catch {
                // Transient (database unavailable, serialisation failure): not acknowledged.
                if tracker.isEmpty { throw APIError(.serviceUnavailable, "unavailable", "try again later") }
                break
            }
            guard let result = response.results.first,
                  tracker.add(result, of: pending, deviceLast: response.lastMutationID) else { break }
        }
        return tracker.response
    }

    /// Applies each request's mutations in order (each request stops at its first gap) after
    /// locking the clock, and writes what they append before the transaction commits.
    private func apply(_ round: [(request: PushRequest, caller: Caller)],
                       in tx: any StoreTransaction) async throws -> (responses: [PushResponse], step: GenerationStep?) {
        var writes = try await PushWrites.locking(for: round, leaveRules: ruleBook.leaveRules, in: tx)
        var responses: [PushResponse] = []
        for (request, caller) in round {
            var tracker = ResponseTracker(caller: caller)
            for pending in request.mutations {
                let result = try await process(pending, caller: caller, in: tx, writes: &writes)
                if !tracker.add(result, of: pending, deviceLast: writes.lastMutationID(of: caller.deviceID)) { break }
            }
            responses.append(tracker.response)
        }
        let step = try await writes.flush(in: tx)
        return (responses, step)
    }

    /// Processes one mutation in a transaction that holds the clock lock.
    private func process(_ pending: PendingMutation, caller: Caller, in tx: any StoreTransaction,
                         writes: inout PushWrites) async throws -> MutationResult {
        if writes.device(caller.deviceID) == nil,
           let row = try await tx.first("SELECT id, user_id, last_mutation_id, revoked_at FROM devices WHERE id = ?",
                                        [.text(caller.deviceID)]) {
            writes.readDevice(row)
        }
        guard let device = writes.device(caller.deviceID), device.userID == caller.userID else { throw APIError.unauthorized() }
        if device.revoked {
            throw APIError(.unauthorized, "device_revoked", "this device was revoked; export the outbox and wipe the replica", wipe: true)
        }
        let last = device.lastMutationID
        if pending.id <= last {
            var stored = writes.answer(device: caller.deviceID, mutation: pending.id)
            if stored == nil {
                stored = try await tx.first("SELECT result FROM mutations WHERE client_id = ? AND mutation_id = ?",
                                            [.text(caller.deviceID), .int(pending.id)])?.string("result")
            }
            if let stored {
                return try JSONDecoder().decode(MutationResult.self, from: Data(stored.utf8))
            }
            return MutationResult(mutationID: pending.id, uuid: pending.uuid, status: .rejected, reason: "mutation.unknown")
        }
        if pending.id > last + 1 {
            return MutationResult(mutationID: pending.id, uuid: pending.uuid, status: .gap, reason: "expected \(last + 1)")
        }
        let now = configuration.now()
        let nowText = Timestamps.iso(now)
        // The same entry sent again from another of the user's devices (a replica whose device
        // changed after the first answer was lost): answered as it was, never applied twice.
        let (answer, known) = writes.answer(user: caller.userID, uuid: pending.uuid)
        var sentBefore = answer
        if !known {
            sentBefore = try await tx.first(
                "SELECT m.result FROM mutations m JOIN devices d ON d.id = m.client_id WHERE m.uuid = ? AND d.user_id = ?",
                [.text(pending.uuid), .text(caller.userID)])?.string("result")
        }
        if let sentBefore {
            var result = try JSONDecoder().decode(MutationResult.self, from: Data(sentBefore.utf8))
            result.mutationID = pending.id
            try writes.record(result, of: pending, caller: caller, at: nowText)
            return result
        }
        // Grants change only in transactions that lock the clock: read once per user and transaction.
        let grants: [Grant]
        if let known = writes.grants(of: caller.userID) {
            grants = known
        } else {
            grants = try await GrantLoader.grants(of: caller.userID, in: tx)
            writes.readGrants(grants, of: caller.userID)
        }
        let rights = AccessRights(userID: caller.userID, grants: grants, on: Timestamps.brusselsDay(now))
        switch pending.mutation {
        case .recordAbsence, .recordTimeRecord: break
        default: try await writes.writeNewRecords(in: tx)
        }
        var effect: MutationEffect
        do {
            try checkLengths(pending)
            switch pending.mutation {
            case .recordAbsence(let payload), .recordTimeRecord(let payload), .amendTimeRecord(let payload):
                try payload.checkBounds()
            default: break
            }
            // The Brussels day as kept for the minute (`Timestamps`), not a calendar built per mutation.
            let today = Timestamps.brusselsDay(now) ?? OfficeClock.fixed(now).today
            effect = try await apply(pending.mutation, rights: rights, caller: caller, today: today, in: tx, writes: &writes)
        } catch let violation as RuleViolation {
            effect = MutationEffect(status: .rejected, reason: violation.code)
        } catch let rejection as MutationRejection {
            effect = MutationEffect(status: .rejected, reason: rejection.code)
        } catch let invalid as FieldValueError {
            effect = MutationEffect(status: .rejected, reason: invalid.code)
        }
        let mutationText = "\(caller.deviceID)/\(pending.id)"
        var seq: Int64?
        for change in effect.changes {
            var entry = change.entry
            entry.mutation = mutationText
            let assigned = try writes.log(entry)
            if let table = change.table, change.version != assigned {
                try await writes.setVersion(assigned, table: table, id: entry.id, in: tx)
            }
            seq = assigned
        }
        let result = MutationResult(mutationID: pending.id, uuid: pending.uuid, status: effect.status,
                                    reason: effect.reason, serverValue: effect.serverValue, seq: seq)
        try writes.record(result, of: pending, caller: caller, at: nowText)
        var audits = effect.audit
        if audits.isEmpty {
            audits = [AuditLog.Entry(userID: caller.userID, deviceID: caller.deviceID, action: pending.mutation.name,
                                     decision: result.status.rawValue + (result.reason.map { " " + $0 } ?? ""))]
        }
        for var audit in audits {
            audit.userID = caller.userID
            audit.deviceID = caller.deviceID
            if audit.decision.isEmpty { audit.decision = result.status.rawValue + (result.reason.map { " " + $0 } ?? "") }
            writes.audit(audit, at: nowText)
        }
        return result
    }

    /// Rejects any text longer than the configured maximum (notes may be 4 times longer).
    private func checkLengths(_ pending: PendingMutation) throws {
        let limit = configuration.maximumFieldLength
        let texts = pending.mutation.texts
        if ([pending.uuid] + texts.short).contains(where: { ($0?.count ?? 0) > limit })
            || texts.long.contains(where: { ($0?.count ?? 0) > limit * 4 }) {
            throw MutationRejection(code: "field.too_long")
        }
    }

    private func apply(_ mutation: Mutation, rights: AccessRights, caller: Caller, today: LocalDate,
                       in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        switch mutation {
        case .updateDossierField(let payload):
            return try await updateDossierField(payload, rights: rights, caller: caller, today: today, in: tx, writes: &writes)
        case .recordAbsence(let payload):
            guard payload.kind == .absence else { throw MutationRejection(code: "time.kind") }
            return try await recordTimeRecord(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .recordTimeRecord(let payload):
            return try await recordTimeRecord(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .addNote(let payload):
            return try await addNote(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .reviewTimeRecord(let payload):
            return try await reviewTimeRecord(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .recordArt60Event(let payload):
            return try await recordArt60Event(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .closePayrollMonth(let payload):
            return try await closePayrollMonth(payload, rights: rights, in: tx, writes: &writes)
        case .recordReveal(let payload):
            return try await recordReveal(payload, rights: rights, in: tx, writes: &writes)
        case .recordCertificate(let payload):
            return try await recordCertificate(payload, rights: rights, in: tx, writes: &writes)
        case .amendTimeRecord(let payload):
            return try await amendTimeRecord(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .deleteTimeRecord(let payload):
            return try await deleteTimeRecord(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .reviewIBANChange(let payload):
            return try await reviewIBANChange(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .editNote(let payload):
            return try await editNote(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        case .eraseNote(let payload):
            return try await eraseNote(payload, rights: rights, caller: caller, in: tx, writes: &writes)
        }
    }

    /// Rejects an id the client chose that is empty or blank (`field.required`).
    static func requireID(_ id: String) throws {
        guard !id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw MutationRejection(code: "field.required") }
    }

    /// Loads a live time record or rejects the mutation (`record.not_found`).
    static func liveTimeRecord(_ id: String, in tx: any StoreTransaction) async throws -> TimeRecord {
        guard let row = try await tx.first("SELECT * FROM time_records WHERE id = ? AND deleted_at IS NULL", [.text(id)]),
              let record = TimeSheetLoader.timeRecord(row)
        else { throw MutationRejection(code: "record.not_found") }
        return record
    }

    /// The answer to a change of a stored time record: its row as it now is, logged for the
    /// devices that may see it, and the audit line.
    static func timeRecordChanged(_ updated: StoreRow?, id: String, employer: String,
                                          audit: AuditLog.Entry) throws -> MutationEffect {
        guard let updated else { throw MutationRejection(code: "record.not_found") }
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .timeRecord, id: id, op: .upsert,
                                                row: updated.fields(excluding: ["deleted_at"])), table: "time_records")],
            audit: [audit])
    }

    /// Loads a live dossier or rejects the mutation.
    func dossier(_ id: String, in tx: any StoreTransaction, writes: inout PushWrites) async throws -> StoreRow {
        guard let row = try await writes.dossier(id, in: tx) else {
            throw MutationRejection(code: "dossier.not_found")
        }
        return row
    }

    private func updateDossierField(_ payload: UpdateDossierField, rights: AccessRights, caller: Caller, today: LocalDate,
                                    in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let row = try await dossier(payload.dossierID, in: tx, writes: &writes)
        let employer = row.string("employer_code") ?? ""
        let field = payload.field
        let allowed = field.requiredPermissions.allSatisfy { rights.may($0, at: employer) }
        if !allowed {
            return .denied("updateDossierField", employer: employer, entity: "dossier", id: payload.dossierID, field: field.rawValue)
        }
        if row.string("deleted_at") != nil {
            return MutationEffect(status: .conflict, reason: "dossier.deleted")
        }
        // The same check as on the device, against the server's office day.
        let new = try field.normalized(payload.change.new, today: today)
        let stored = row.string(field.rawValue)
        // An IBAN is changed from the one asked for when one waits for confirmation (what every
        // replica shows as the new IBAN), else from the one in force.
        let current = field == .iban ? (row.string("pending_iban") ?? stored) : stored
        // The answer may depend only on what the caller may read: a field their role masks is
        // compared as they see it (the masked text their replica holds), and a change to the
        // value already stored is written like any other, so that neither a guessed `old` nor a
        // guessed `new` tells them the value.
        let readable = RowProjection.mayRead(field, at: employer, rights: rights)
        let shown = RowProjection.fieldValue(current, field: field, employer: employer, rights: rights)
        // An `old` that is no valid value is compared as sent: it can only match an equally
        // unnormalised stored value, so nothing is hidden by not normalising it.
        let matches = readable ? current == ((try? field.normalized(payload.change.old)) ?? payload.change.old)
                               : shown == payload.change.old
        guard matches else {
            return MutationEffect(status: .conflict, reason: "field.changed", serverValue: shown)
        }
        if readable && current == new { return .noOp }
        if field == .iban {
            return try await requestIBANChange(payload.dossierID, row: row, to: new, inForce: stored, readable: readable,
                                               employer: employer, caller: caller, in: tx, writes: &writes)
        }
        guard let updated = try await writes.updateDossier(payload.dossierID, column: field.rawValue, to: new, in: tx) else {
            throw MutationRejection(code: "dossier.not_found")
        }
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .dossier, id: payload.dossierID, op: .upsert,
                                                row: updated.fields(excluding: ["deleted_at"])), table: "dossiers")],
            audit: [.init(action: "updateDossierField", decision: "applied", employerCode: employer, entity: "dossier",
                          entityID: payload.dossierID, field: field.rawValue, oldValue: current, newValue: new)])
    }

    private func recordTimeRecord(_ payload: RecordTimeRecord, rights: AccessRights, caller: Caller,
                                  in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let row = try await dossier(payload.dossierID, in: tx, writes: &writes)
        let employer = row.string("employer_code") ?? ""
        if !rights.may(.enterTimeRecord, at: employer) {
            return .denied("recordTimeRecord", employer: employer, entity: "time_record", id: payload.recordID)
        }
        if row.string("deleted_at") != nil { return MutationEffect(status: .conflict, reason: "dossier.deleted") }
        try Self.requireID(payload.recordID)
        let payloadRecord = payload.timeRecord(employerCode: employer, enteredBy: caller.userID)
        // A new entry is its author's draft or goes to validation; any other status is a reviewer's.
        guard [.draft, .submitted].contains(payloadRecord.status) else { throw MutationRejection(code: "time.status") }
        let kind = payloadRecord.kind
        if try await writes.timeRecordExists(payload.recordID, in: tx) {
            throw MutationRejection(code: "record.exists")
        }
        // A correction is checked against the dossier's whole sheet: the entry it corrects may
        // lie in another month, and the correction is booked in the open month.
        let sheet = try await TimeSheetLoader(ruleBook: ruleBook)
            .sheet(for: row, checking: payloadRecord.replacesID == nil ? payloadRecord : nil, in: tx, writes: &writes)
        let record = sheet.booked(payloadRecord)
        try sheet.check(record, today: Timestamps.brusselsDay(configuration.now()))
        let fields = RecordTimeRecord.columns.map { ($0.name, $0.text(of: record)) }
        let version = writes.nextSequence
        writes.insertLater(record, columns: fields.map(\.0) + ["version"], values: fields.map { SQLValue.optional($0.1) } + [.int(version)])
        var rowFields: [String: String?] = [:]
        for (name, value) in fields { rowFields[name] = .some(value) }
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .timeRecord, id: record.id, op: .upsert,
                                                row: rowFields), table: "time_records", version: version)],
            audit: [.init(action: "recordTimeRecord", decision: "applied", employerCode: employer, entity: "time_record",
                          entityID: record.id,
                          newValue: "\(kind.rawValue) \(record.typeCode ?? "") \(record.start.iso)…\(record.end.iso)")])
    }

    // MARK: Review, art. 60, payroll months, reveals

    /// Validates or rejects a submitted record with the replica's rules: `validate_time_record`,
    /// four-eyes (the reviewer neither entered it nor owns the dossier, by NISS), the status
    /// machine and, to validate, the certificate rule. A record someone else reviewed first is a conflict.
    private func reviewTimeRecord(_ payload: ReviewTimeRecord, rights: AccessRights, caller: Caller,
                                  in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let record = try await Self.liveTimeRecord(payload.recordID, in: tx)
        let row = try await dossier(record.dossierID, in: tx, writes: &writes)
        let employer = row.string("employer_code") ?? ""
        if !rights.may(.validateTimeRecord, at: employer) {
            return .denied("reviewTimeRecord", employer: employer, entity: "time_record", id: record.id)
        }
        if record.status == .validated || record.status == .rejected {
            return MutationEffect(status: .conflict, reason: "record.reviewed", serverValue: record.status.rawValue)
        }
        let niss = try await tx.first("SELECT niss FROM users WHERE id = ?", [.text(caller.userID)])?.string("niss")
        var reviewer = caller.user
        reviewer.personID = niss
        let sheet = try await TimeSheetLoader(ruleBook: ruleBook).sheet(for: row, in: tx, writes: &writes)
        let reviewed: TimeRecord
        switch payload.decision {
        case .approve:
            if let validated = try sheet.validatingCorrection(record, by: reviewer) {
                return try await approveCorrection(validated.correction, cancelling: validated.cancelled, employer: employer,
                                                   in: tx, writes: &writes)
            }
            reviewed = try sheet.validating(record, by: reviewer)
        case .reject(let reason):
            reviewed = try record.rejected(by: reviewer, dossierPersonID: sheet.dossier.personID,
                                           reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return try Self.timeRecordChanged(
            try await writes.review(reviewed, in: tx), id: record.id, employer: employer,
            audit: .init(action: "reviewTimeRecord", decision: "applied", employerCode: employer, entity: "time_record",
                         entityID: record.id, field: "status", oldValue: record.status.rawValue,
                         newValue: reviewed.status.rawValue + (reviewed.rejectionReason.map { ": " + $0 } ?? "")))
    }

    /// Adds an event to an article 60 worker's follow-up log (`manage_art60`, a CPAS dossier).
    private func recordArt60Event(_ payload: RecordArt60Event, rights: AccessRights, caller: Caller,
                                  in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let row = try await dossier(payload.dossierID, in: tx, writes: &writes)
        let employer = row.string("employer_code") ?? ""
        if !rights.may(.manageArt60, at: employer) {
            return .denied("recordArt60Event", employer: employer, entity: "art60_event", id: payload.eventID)
        }
        if row.string("deleted_at") != nil { return MutationEffect(status: .conflict, reason: "dossier.deleted") }
        let employerKind = try await tx.first("SELECT kind FROM employers WHERE code = ?", [.text(employer)])?.string("kind")
        guard employerKind == EmployerKind.cpas.rawValue else { throw RuleViolation.art60EmployerNotCPAS(employerCode: employer) }
        let kind = payload.kind
        let date = payload.date
        try date.checkSupported()
        try Self.requireID(payload.contractID)
        try Self.requireID(payload.eventID)
        if try await tx.first("SELECT id FROM art60_events WHERE id = ?", [.text(payload.eventID)]) != nil {
            throw MutationRejection(code: "art60_event.exists")
        }
        let note = payload.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let fields: [(String, String?)] = [
            ("id", payload.eventID), ("employer_code", employer), ("dossier_id", payload.dossierID),
            ("contract_id", payload.contractID), ("date", date.iso), ("kind", kind.rawValue),
            ("placement_id", payload.placementID), ("note", note), ("recorded_by", caller.userID),
        ]
        let version = writes.nextSequence
        try await writes.insert(into: .art60Events, fields.map { ($0.0, SQLValue.optional($0.1)) } + [("version", .int(version))],
                                in: tx)
        var rowFields: [String: String?] = [:]
        for (name, value) in fields { rowFields[name] = .some(value) }
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .art60Event, id: payload.eventID, op: .upsert,
                                                row: rowFields), table: "art60_events", version: version)],
            audit: [.init(action: "recordArt60Event", decision: "applied", employerCode: employer, entity: "art60_event",
                          entityID: payload.eventID, newValue: "\(kind.rawValue) \(date.iso)")])
    }

    /// Closes a payroll month (`close_payroll_month`), refused while records of it wait for
    /// review; every device with the employer pulls the closed month.
    private func closePayrollMonth(_ payload: ClosePayrollMonth, rights: AccessRights,
                                   in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let employer = payload.employerCode
        guard try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(employer)]) != nil else {
            throw MutationRejection(code: "employer.not_found")
        }
        if !rights.may(.closePayrollMonth, at: employer) {
            return .denied("closePayrollMonth", employer: employer, entity: "payroll_month", id: "\(employer)/\(payload.month)")
        }
        let month = payload.month
        try month.firstDay.checkSupported()
        let id = PayrollMonth(employerCode: employer, month: month).id
        let months = try await writes.payrollMonths(of: employer, in: tx)
        if PayrollMonth.isClosed(month, in: months) { return .noOp }
        let submitted = try await tx.first(
            """
            SELECT COUNT(*) AS n FROM time_records WHERE employer_code = ? AND status = 'submitted' AND deleted_at IS NULL
            AND start_date <= ? AND end_date >= ?
            """, [.text(employer), .text(month.lastDay.iso), .text(month.firstDay.iso)])?.int("n") ?? 0
        if submitted > 0 { throw RuleViolation.monthHasSubmittedRecords(month: month, count: Int(submitted)) }
        let old = months.first { $0.month == month }?.status.rawValue
        try await writes.closePayrollMonth(month, of: employer, in: tx)
        let row: [String: String?] = ["id": id, "employer_code": employer, "month": month.description, "status": "closed"]
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .payrollMonth, id: id, op: .upsert, row: row),
                                   table: nil)],
            audit: [.init(action: "closePayrollMonth", decision: "applied", employerCode: employer, entity: "payroll_month",
                          entityID: id, field: "status", oldValue: old, newValue: "closed")])
    }

    /// Records the late certificate of an absence (`enter_time_record` at its employer), even
    /// on a validated entry or in a closed month: it clears the missing certificate, not pay.
    private func recordCertificate(_ payload: RecordCertificate, rights: AccessRights,
                                   in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let record = try await Self.liveTimeRecord(payload.recordID, in: tx)
        let employer = record.employerCode
        if !rights.may(.enterTimeRecord, at: employer) {
            return .denied("recordCertificate", employer: employer, entity: "time_record", id: record.id)
        }
        try payload.receivedOn.checkSupported()
        // A clock outside the supported years gives no day: then, as for clockings, no future check.
        let today = Timestamps.brusselsDay(configuration.now()) ?? payload.receivedOn
        guard let received = try record.receivingCertificate(on: payload.receivedOn, today: today) else {
            return .noOp
        }
        return try Self.timeRecordChanged(
            try await writes.receiveCertificate(received, in: tx), id: record.id, employer: employer,
            audit: .init(action: "recordCertificate", decision: "applied", employerCode: employer, entity: "time_record",
                         entityID: record.id, field: "certificate_received", oldValue: "0",
                         newValue: "received on \(payload.receivedOn.iso)"))
    }

    /// Audits that a clerk was shown a full NISS or IBAN; refused without the right to see it.
    private func recordReveal(_ payload: RecordReveal, rights: AccessRights,
                              in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let permission = payload.field.permission
        let row = try await dossier(payload.dossierID, in: tx, writes: &writes)
        let employer = row.string("employer_code") ?? ""
        let allowed = rights.may(permission, at: employer)
        return MutationEffect(
            status: allowed ? .applied : .rejected, reason: allowed ? nil : "access.denied",
            audit: [.init(action: "recordReveal", decision: allowed ? "allowed" : "denied access.denied",
                          employerCode: employer, entity: "dossier", entityID: payload.dossierID, field: payload.field.rawValue)])
    }
}
