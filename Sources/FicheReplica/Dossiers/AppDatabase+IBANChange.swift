import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

extension AppDatabase {
    /// Confirms (or refuses, with a reason) the new IBAN waiting on a dossier: someone other than
    /// whoever asked for it, with `edit_dossier` and `view_iban` at its employer (`IBANChange`,
    /// the server's rule). Confirmed, it is the account in force at once on this device; the
    /// server sends it to the others. Outbox, audit and working view in ONE transaction.
    ///
    /// ```swift
    /// try database.reviewIBANChange(dossierID: id, decision: .approve, by: supervisor)
    /// ```
    /// - Throws: `RuleViolation` (`four_eyes.own_iban_change`, `four_eyes.own_dossier`,
    ///   `iban.no_pending_change`, `status.reason_missing`, `access.denied`), `MissingRowError`.
    @discardableResult
    public func reviewIBANChange(dossierID: String, decision: ReviewDecision, by user: User, now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        if case .reject(let reason) = decision, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw RuleViolation.rejectionReasonMissing
        }
        return try write { db in
            let dossier = try Self.liveDossier(db, dossierID)
            let rights = try Self.rights(db, user: user, now: now)
            try rights.require(.editDossier, at: dossier.employerCode)
            try rights.require(.viewIBAN, at: dossier.employerCode)
            guard let person = try Row.fetchOne(db, sql: "SELECT * FROM person_view WHERE id = ?", arguments: [dossier.personID]) else {
                throw MissingRowError(entity: "person", id: dossier.personID)
            }
            guard let waiting = person["pending_iban"] as String?, let requestedBy = person["pending_iban_by"] as String? else {
                throw RuleViolation.ibanChangeMissing(dossierID: dossierID)
            }
            try IBANChange(iban: waiting, requestedBy: requestedBy).checkReviewer(user, dossierPersonID: dossier.personID)
            var fields: [String: (old: DatabaseValue, new: DatabaseValue)] = [
                "pending_iban": (waiting.databaseValue, .null), "pending_iban_by": (requestedBy.databaseValue, .null),
            ]
            if decision == .approve { fields["iban"] = (person["iban"] ?? .null, waiting.databaseValue) }
            let entry = try Self.writeChange(db, mutation: "reviewIBANChange",
                                             sent: .reviewIBANChange(ReviewIBANChange(dossierID: dossierID, iban: waiting,
                                                                                      decision: decision)),
                                             entity: "person", targetID: dossier.personID, employerCode: dossier.employerCode,
                                             baseVersion: person["version"], payload: MutationPayload(fields: fields),
                                             user: user, now: now)
            try WorkingView.recompute(db, entity: "person", id: dossier.personID)
            return entry
        }
    }
}
