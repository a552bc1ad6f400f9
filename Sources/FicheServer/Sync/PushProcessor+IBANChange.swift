import FicheDomain
import FicheSyncProtocol
import Foundation

/// A changed IBAN waits for a second person's confirmation before it is paid to (`IBANChange`,
/// the replica's rule).
extension PushProcessor {
    /// A new IBAN is not paid to at once: it waits on the dossier (`pending_iban`) until a second
    /// person confirms it (`reviewIBANChange`). Setting the account back to the one in force
    /// withdraws the waiting change.
    /// As for any field, the answer depends only on what the caller may read: for a caller who
    /// may not read IBANs, the account in force typed again is a request like any other.
    func requestIBANChange(_ dossierID: String, row: StoreRow, to new: String?, inForce: String?, readable: Bool,
                                   employer: String, caller: Caller, in tx: any StoreTransaction,
                                   writes: inout PushWrites) async throws -> MutationEffect {
        let waiting = row.string("pending_iban")
        let withdraws = readable && new == inForce
        let values: [(column: String, value: String?)] = withdraws
            ? [("pending_iban", nil), ("pending_iban_by", nil)]
            : [("pending_iban", new), ("pending_iban_by", caller.userID)]
        guard let updated = try await writes.updateDossier(dossierID, setting: values, in: tx) else {
            throw MutationRejection(code: "dossier.not_found")
        }
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .dossier, id: dossierID, op: .upsert,
                                                row: updated.fields(excluding: ["deleted_at"])), table: "dossiers")],
            audit: [.init(action: "updateDossierField", decision: withdraws ? "applied: change withdrawn"
                                                                            : "applied: waits for confirmation",
                          employerCode: employer, entity: "dossier", entityID: dossierID, field: "pending_iban",
                          oldValue: waiting, newValue: withdraws ? nil : new)])
    }

    /// A second person confirms or refuses the IBAN waiting on a dossier (`IBANChange`, the
    /// replica's rule): `edit_dossier` and `view_iban` at its employer, not the one who asked,
    /// not the person the dossier is about, and the account they were shown.
    func reviewIBANChange(_ payload: ReviewIBANChange, rights: AccessRights, caller: Caller,
                                  in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let row = try await dossier(payload.dossierID, in: tx, writes: &writes)
        let employer = row.string("employer_code") ?? ""
        guard rights.may(.editDossier, at: employer), rights.may(.viewIBAN, at: employer) else {
            return .denied("reviewIBANChange", employer: employer, entity: "dossier", id: payload.dossierID, field: "iban")
        }
        guard let waiting = row.string("pending_iban"), let requestedBy = row.string("pending_iban_by") else {
            throw RuleViolation.ibanChangeMissing(dossierID: payload.dossierID)
        }
        // The account confirmed is the one the reviewer was shown: a change made meanwhile is a conflict.
        guard (try? DossierField.iban.normalized(payload.iban)) == waiting else {  // try?: a value that is no IBAN matches nothing
            return MutationEffect(status: .conflict, reason: "iban.changed", serverValue: waiting)
        }
        let niss = try await tx.first("SELECT niss FROM users WHERE id = ?", [.text(caller.userID)])?.string("niss")
        var reviewer = caller.user
        reviewer.personID = niss
        try IBANChange(iban: waiting, requestedBy: requestedBy).checkReviewer(reviewer, dossierPersonID: row.string("niss"))
        var values: [(column: String, value: String?)] = [("pending_iban", nil), ("pending_iban_by", nil)]
        if case .reject(let reason) = payload.decision {
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw RuleViolation.rejectionReasonMissing }
        } else {
            values.append(("iban", waiting))
        }
        guard let updated = try await writes.updateDossier(payload.dossierID, setting: values, in: tx) else {
            throw MutationRejection(code: "dossier.not_found")
        }
        let approved = payload.decision == .approve
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .dossier, id: payload.dossierID, op: .upsert,
                                                row: updated.fields(excluding: ["deleted_at"])), table: "dossiers")],
            audit: [.init(action: "reviewIBANChange", decision: approved ? "applied: confirmed" : "applied: refused",
                          employerCode: employer, entity: "dossier", entityID: payload.dossierID, field: "iban",
                          oldValue: row.string("iban"), newValue: approved ? waiting : nil)])
    }
}
