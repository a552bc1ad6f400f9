import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

/// An entry's author corrects or withdraws it while no one has validated it: the same rules as
/// a new entry (`TimeSheet.check`, the entry itself left out of the overlaps) and the same
/// `TimeRecord.amended` / `checkChangeable` as the server. Outbox, audit and working view in ONE
/// transaction; a refusal writes nothing.
extension AppDatabase {
    /// Writes `edit` over the entry with the same id: type, dates, part of day, hours, certificate.
    ///
    /// ```swift
    /// var edit = record; edit.end = friday
    /// try database.amendTimeRecord(edit, by: user, rules: rules)
    /// ```
    /// - Returns: the outbox row (`amendTimeRecord`), or nil when nothing changed (nothing written).
    /// - Throws: `RuleViolation` (`entry.not_own`, `entry.validated`, `entry.kind`, the time-sheet
    ///   rules, `access.denied`), `MissingRowError`.
    @discardableResult
    public func amendTimeRecord(_ edit: TimeRecord, by user: User, rules: RuleBook, now: Date? = nil) throws -> OutboxEntry? {
        let now = now ?? clock.now()
        return try write { db in
            let (record, version) = try Self.liveTimeRecord(db, edit.id)
            let dossier = try Self.liveDossier(db, record.dossierID)
            try Self.rights(db, user: user, now: now).require(.enterTimeRecord, at: record.employerCode)
            let amended = try record.amended(to: edit, by: user)
            guard amended != record else { return nil }
            // A clocking is checked against its whole week (45 h), an absence against its days.
            let monday = amended.start.adding(days: 1 - amended.start.weekday.isoNumber)
            let sheet = amended.kind == .clocking
                ? try Self.timeSheet(db, dossier: dossier, from: monday, to: monday.adding(days: 6), rules: rules)
                : try Self.timeSheet(db, dossier: dossier, around: amended, rules: rules)
            try sheet.check(amended, today: clock.localDate(of: now))
            let entry = try Self.writeChange(db, mutation: "amendTimeRecord",
                                             sent: .amendTimeRecord(RecordTimeRecord(amended)), entity: "time_record",
                                             targetID: record.id, employerCode: record.employerCode, baseVersion: version,
                                             payload: MutationPayload(from: record.replicaColumns, to: amended.replicaColumns),
                                             user: user, now: now)
            try WorkingView.recompute(db, entity: "time_record", id: record.id)
            return entry
        }
    }

    /// Withdraws an entry its author made and no one validated: it leaves the dossier, the
    /// queues and the totals at once, and the server's copy at the next sync.
    ///
    /// - Returns: the outbox row (`deleteTimeRecord`).
    /// - Throws: `RuleViolation` (`entry.not_own`, `entry.validated`, `access.denied`), `MissingRowError`.
    @discardableResult
    public func deleteTimeRecord(_ recordID: String, by user: User, now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        return try write { db in
            let (record, version) = try Self.liveTimeRecord(db, recordID)
            try Self.rights(db, user: user, now: now).require(.enterTimeRecord, at: record.employerCode)
            try record.checkChangeable(by: user)
            // The columns as they were, unchanged: the history names what was withdrawn and finds
            // it by its dossier; the working view drops the row.
            let columns = record.replicaColumns.filter { $0.key != "version" }
            let payload = MutationPayload(fields: columns.mapValues { ($0, $0) }, deletes: true)
            let entry = try Self.writeChange(db, mutation: "deleteTimeRecord",
                                             sent: .deleteTimeRecord(DeleteTimeRecord(recordID: recordID)),
                                             entity: "time_record", targetID: recordID, employerCode: record.employerCode,
                                             baseVersion: version, payload: payload, user: user, now: now)
            try WorkingView.recompute(db, entity: "time_record", id: recordID)
            return entry
        }
    }

    /// An entry as this device sees it (pending changes included) with its server version.
    static func liveTimeRecord(_ db: Database, _ id: String) throws -> (record: TimeRecord, version: Int64?) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM time_record_view WHERE id = ?", arguments: [id]) else {
            throw MissingRowError(entity: "time_record", id: id)
        }
        return (try TimeRecord(stored: row), row["version"])
    }
}

extension AppDatabase {
    /// A correction of a validated entry, sent for validation: `edit` (its new dates, type,
    /// hours) replaces it, or with `edit` nil the correction only cancels it. Anyone who may enter
    /// time at the employer makes it; a second person validates it, and the entry it corrects is
    /// then cancelled. Touching a closed payroll month, it is booked in the open one.
    ///
    /// ```swift
    /// try database.recordCorrection(of: validatedID, replacingWith: edit, by: timeManager, rules: rules)
    /// try database.recordCorrection(of: validatedID, replacingWith: nil, by: timeManager, rules: rules)  // cancels it
    /// ```
    /// - Returns: the correction as written and its outbox row (`recordCorrection`, sent as `recordTimeRecord`).
    /// - Throws: `RuleViolation` (`correction.*`, `entry.kind`, the time-sheet rules, `access.denied`), `MissingRowError`.
    @discardableResult
    public func recordCorrection(of originalID: String, replacingWith edit: TimeRecord?, by user: User, rules: RuleBook,
                                 now: Date? = nil) throws -> (correction: TimeRecord, entry: OutboxEntry) {
        let now = now ?? clock.now()
        return try write { db in
            let (original, _) = try Self.liveTimeRecord(db, originalID)
            let dossier = try Self.liveDossier(db, original.dossierID)
            try Self.rights(db, user: user, now: now).require(.enterTimeRecord, at: original.employerCode)
            var correction = edit ?? original
            correction.id = UUID().uuidString.lowercased()
            correction.employerCode = original.employerCode
            correction.dossierID = original.dossierID
            correction.enteredBy = user.id
            correction.status = .submitted
            correction.reviewedBy = nil
            correction.rejectionReason = nil
            correction.correctionMonth = nil
            correction.replacesID = original.id
            correction.isCancellation = edit == nil
            let monday = min(original.start, correction.start).adding(days: 1 - min(original.start, correction.start).weekday.isoNumber)
            let last = max(original.end, correction.end)
            let sheet = try Self.timeSheet(db, dossier: dossier, from: monday, to: max(last, monday.adding(days: 6)), rules: rules)
            correction = sheet.booked(correction)
            try sheet.check(correction, today: clock.localDate(of: now))
            let entry = try Self.writeChange(db, mutation: "recordCorrection", sent: .recordTimeRecord(RecordTimeRecord(correction)),
                                             entity: "time_record", targetID: correction.id, employerCode: original.employerCode,
                                             baseVersion: nil, payload: MutationPayload(from: [:], to: correction.replicaColumns),
                                             user: user, now: now)
            try WorkingView.recompute(db, entity: "time_record", id: correction.id)
            return (correction, entry)
        }
    }
}
