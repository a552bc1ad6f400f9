import FicheDomain
import FicheSyncProtocol
import Foundation

/// The life of a time record after it is saved: its author corrects or withdraws it until it is
/// validated, and a validated correction cancels the entry it replaces. The replica's rules
/// (`TimeRecord.amended`, `checkChangeable`, `TimeSheet.validatingCorrection`).
extension PushProcessor {
    /// The author's correction of an entry not yet validated (`TimeRecord.amended`, the replica's
    /// rule): `enter_time_record`, their own entry, the same kind and dossier, then the time-sheet
    /// rules on the new values, the entry itself left out of the overlaps.
    func amendTimeRecord(_ payload: RecordTimeRecord, rights: AccessRights, caller: Caller,
                                 in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let record = try await Self.liveTimeRecord(payload.recordID, in: tx)
        let employer = record.employerCode
        if !rights.may(.enterTimeRecord, at: employer) {
            return .denied("amendTimeRecord", employer: employer, entity: "time_record", id: record.id)
        }
        guard payload.dossierID == record.dossierID else { throw MutationRejection(code: "record.not_found") }
        let row = try await dossier(record.dossierID, in: tx, writes: &writes)
        if row.string("deleted_at") != nil { return MutationEffect(status: .conflict, reason: "dossier.deleted") }
        let edit = payload.timeRecord(employerCode: employer, enteredBy: caller.userID)
        guard [.draft, .submitted].contains(edit.status) else { throw MutationRejection(code: "time.status") }
        if record.status == .validated {
            return MutationEffect(status: .conflict, reason: "entry.validated", serverValue: record.status.rawValue)
        }
        let amended = try record.amended(to: edit, by: caller.user)
        try await TimeSheetLoader(ruleBook: ruleBook).sheet(for: row, checking: amended, in: tx, writes: &writes)
            .check(amended, today: Timestamps.brusselsDay(configuration.now()))
        return try Self.timeRecordChanged(
            try await writes.amend(amended, in: tx), id: record.id, employer: employer,
            audit: .init(action: "amendTimeRecord", decision: "applied", employerCode: employer, entity: "time_record",
                         entityID: record.id, oldValue: Self.summary(record), newValue: Self.summary(amended)))
    }

    /// The author withdraws an entry not yet validated (`TimeRecord.checkChangeable`): the row is
    /// kept as deleted and every device that holds it drops it.
    func deleteTimeRecord(_ payload: DeleteTimeRecord, rights: AccessRights, caller: Caller,
                                  in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let record = try await Self.liveTimeRecord(payload.recordID, in: tx)
        let employer = record.employerCode
        if !rights.may(.enterTimeRecord, at: employer) {
            return .denied("deleteTimeRecord", employer: employer, entity: "time_record", id: record.id)
        }
        if record.status == .validated {
            return MutationEffect(status: .conflict, reason: "entry.validated", serverValue: record.status.rawValue)
        }
        try record.checkChangeable(by: caller.user)
        try await writes.delete(record, at: Timestamps.iso(configuration.now()), in: tx)
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .timeRecord, id: record.id, op: .delete, row: nil),
                                   table: nil)],
            audit: [.init(action: "deleteTimeRecord", decision: "applied", employerCode: employer, entity: "time_record",
                          entityID: record.id, oldValue: Self.summary(record))])
    }

    /// "absence sick 2027-01-04…2027-01-08": an entry as the audit names it.
    static func summary(_ record: TimeRecord) -> String {
        var text = "\(record.kind.rawValue) \(record.typeCode ?? "") \(record.start.iso)…\(record.end.iso)"
        if let from = record.startMinute, let to = record.endMinute { text += " \(from)–\(to) min" }
        if let minutes = record.minutes { text += " \(minutes) min" }
        return text
    }

    /// A correction validated: it counts from now on, and the entry it corrects is cancelled in
    /// the same transaction; every device pulls both.
    func approveCorrection(_ correction: TimeRecord, cancelling original: TimeRecord, employer: String,
                                   in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        var changes: [LoggedChange] = []
        for record in [correction, original] {
            guard let row = try await writes.review(record, in: tx) else { throw MutationRejection(code: "record.not_found") }
            changes.append(LoggedChange(entry: .init(scope: employer, entity: .timeRecord, id: record.id, op: .upsert,
                                                     row: row.fields(excluding: ["deleted_at"])), table: "time_records"))
        }
        return MutationEffect(status: .applied, changes: changes, audit: [
            .init(action: "reviewTimeRecord", decision: "applied", employerCode: employer, entity: "time_record",
                  entityID: correction.id, field: "status", oldValue: TimeRecordStatus.submitted.rawValue,
                  newValue: TimeRecordStatus.validated.rawValue),
            .init(action: "reviewTimeRecord", decision: "applied", employerCode: employer, entity: "time_record",
                  entityID: original.id, field: "status", oldValue: TimeRecordStatus.validated.rawValue,
                  newValue: TimeRecordStatus.cancelled.rawValue + " by " + correction.id),
        ])
    }
}
