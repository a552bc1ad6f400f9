import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

extension AppDatabase {
    /// Records that the medical certificate of an absence arrived on `date`, after the absence
    /// was entered (even validated, even in a closed month): the entry shows it, the missing
    /// certificates queue drops it, and the audit keeps the date. Outbox, audit and working
    /// view in ONE transaction, as every local write.
    ///
    /// ```swift
    /// try database.recordCertificate(recordID: id, receivedOn: today, by: user)
    /// ```
    /// - Returns: the outbox row, or nil when the certificate was already recorded (nothing written).
    /// - Throws: `RuleViolation` (`certificate.*`, `access.denied`), `MissingRowError`.
    @discardableResult
    public func recordCertificate(recordID: String, receivedOn date: LocalDate, by user: User,
                                  now: Date? = nil) throws -> OutboxEntry? {
        let now = now ?? clock.now()
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM time_record_view WHERE id = ?", arguments: [recordID]) else {
                throw MissingRowError(entity: "time_record", id: recordID)
            }
            let record = try TimeRecord(stored: row)
            try Self.rights(db, user: user, now: now).require(.enterTimeRecord, at: record.employerCode)
            guard let received = try record.receivingCertificate(on: date, today: clock.localDate(of: now)) else { return nil }
            var payload = MutationPayload(from: record.replicaColumns, to: received.replicaColumns)
            // Kept for the history; the working view has no such column and replays only its own.
            payload.fields["certificate_received_on"] = (.null, date.iso.databaseValue)
            let entry = try Self.writeChange(db, mutation: "recordCertificate",
                                             sent: .recordCertificate(RecordCertificate(recordID: recordID, receivedOn: date)),
                                             entity: "time_record", targetID: recordID, employerCode: record.employerCode,
                                             baseVersion: row["version"], payload: payload, user: user, now: now)
            try WorkingView.recompute(db, entity: "time_record", id: recordID)
            return entry
        }
    }
}
