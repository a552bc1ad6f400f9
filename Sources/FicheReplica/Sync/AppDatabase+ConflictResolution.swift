import FicheDomain
import Foundation
import GRDB

extension AppDatabase {
    /// Settles a conflict by keeping what the clerk typed: a NEW field change goes to the outbox
    /// whose old value is the server's current value and whose new value is the clerk's, so the
    /// server applies it. The conflict leaves the list (and the badge), and the audit trail
    /// records the settlement (`keepMine`) next to the change itself — all in one transaction.
    ///
    /// ```swift
    /// let entry = try database.keepMine(mutationID: conflict.mutationID, by: clerk)
    /// // entry?.changes["iban"] == FieldChange(old: "BE71096123456769", new: "BE68539007547034")
    /// ```
    /// - Returns: the new outbox row; nil when the server already holds the clerk's value.
    /// - Throws: `MissingRowError` when there is no unsettled field conflict with that id,
    ///   `RuleViolation` when the user may no longer change the field; nothing is written then.
    @discardableResult
    public func keepMine(mutationID: Int64, by user: User, now: Date? = nil) throws -> OutboxEntry? {
        let now = now ?? clock.now()
        return try write { db in
            let conflict = try Self.fieldConflict(db, mutationID: mutationID)
            return try Self.settleConflict(db, conflict, with: conflict.typed.new, action: "keepMine", by: user, now: now)
        }
    }

    /// Settles a conflict with a value the clerk typed again (the edit form): checked as any
    /// field change (an IBAN must be valid, the user must hold the right), written as a new
    /// change whose old value is the server's current value, audited as `editConflict`.
    ///
    /// ```swift
    /// try database.resolveConflict(mutationID: conflict.mutationID, with: "BE43 0689 9999 9501", by: clerk)
    /// ```
    /// - Returns: the new outbox row; nil when the value is the server's (nothing to send).
    /// - Throws: `RuleViolation` (invalid IBAN, no permission), `FieldValueError`,
    ///   `MissingRowError`; nothing is written then and the conflict stays listed.
    @discardableResult
    public func resolveConflict(mutationID: Int64, with value: String?, by user: User,
                                now: Date? = nil) throws -> OutboxEntry? {
        let now = now ?? clock.now()
        return try write { db in
            let conflict = try Self.fieldConflict(db, mutationID: mutationID)
            return try Self.settleConflict(db, conflict, with: value, action: "editConflict", by: user, now: now)
        }
    }

    /// Takes a refused entry off the list once the clerk has entered it again (corrected) as a
    /// new entry; the audit trail records it as `reenterRefused`. A correction saved through
    /// `recordAbsence`, `recordClocking` or `recordArt60Event` with `settling:` does this in the
    /// same transaction as the new entry.
    ///
    /// - Throws: `MissingRowError` when there is no unsettled refusal with that id.
    public func settleByCorrection(mutationID: Int64, by user: User, now: Date? = nil) throws {
        let now = now ?? clock.now()
        return try write { db in
            try Self.settleByCorrection(db, mutationID: mutationID, by: user, now: now)
        }
    }

    /// `settleByCorrection` inside a write transaction (the one that writes the correction).
    static func settleByCorrection(_ db: Database, mutationID: Int64, by user: User, now: Date) throws {
        _ = try settle(db, mutationID: mutationID, statuses: ["rejected"], action: "reenterRefused",
                       changes: MutationPayload(fields: [:]), by: user, now: now)
    }

    // MARK: Inside the write transaction

    /// A field conflict: the dossier, the field, what was typed and the server's current value.
    private struct FieldConflict {
        var mutationID: Int64
        var dossierID: String
        var field: DossierField
        var typed: FieldChange
        /// The server's value as the change must start from (the mirror's when the answer was masked).
        var theirs: DatabaseValue
    }

    private static func fieldConflict(_ db: Database, mutationID: Int64) throws -> FieldConflict {
        guard let result = try Row.fetchOne(db, sql: """
            SELECT * FROM mutation_result
            WHERE mutation_id = ? AND status = 'conflict' AND reason = 'field.changed' AND mutation = 'updateDossierField'
            """, arguments: [mutationID]),
            let audit = try String.fetchOne(db, sql: "SELECT changes FROM audit WHERE mutation_id = ? ORDER BY id LIMIT 1",
                                            arguments: [mutationID])
        else { throw MissingRowError(entity: "mutation_result", id: String(mutationID)) }
        let changes = try MutationPayload.decode(audit).fieldChanges
        let entity: String = result["entity"]
        let targetID: String = result["target_id"]
        // The column the clerk typed in (an IBAN change also names who asked for it).
        guard let typed = changes.sorted(by: { $0.key < $1.key }).first(where: { DossierField.changed(in: entity, column: $0.key) != nil }),
              let field = DossierField.changed(in: entity, column: typed.key),
              let dossier = try Self.dossierID(db, entity: entity, targetID: targetID, changes: changes) else {
            throw MissingRowError(entity: entity, id: targetID)
        }
        // A masked answer (the user may not see the full value) cannot be a base: the mirror
        // holds the server's value since the pull that followed the answer.
        let answered: String? = result["server_value"]
        let theirs: DatabaseValue
        if let answered, !answered.contains("*") {
            theirs = try field.normalized(answered).databaseValue
        } else if answered == nil {
            theirs = .null
        } else {
            let column = field.replicaPlace?.column ?? typed.key
            let row = try Row.fetchOne(db, sql: "SELECT \(column) FROM \(entity) WHERE id = ?", arguments: [targetID])
            let mirrored: DatabaseValue? = row?[column]
            theirs = mirrored ?? .null
        }
        return FieldConflict(mutationID: mutationID, dossierID: dossier, field: field, typed: typed.value, theirs: theirs)
    }

    private static func settleConflict(_ db: Database, _ conflict: FieldConflict, with value: String?, action: String,
                                       by user: User, now: Date) throws -> OutboxEntry? {
        let entry = try changeField(db, conflict.dossierID, conflict.field, to: value, from: conflict.theirs, by: user, now: now)
        let mine = try conflict.field.normalized(value).databaseValue
        let column = conflict.field.replicaPlace?.column ?? conflict.field.rawValue
        let settled = MutationPayload(fields: [column: (conflict.theirs, mine)])
        _ = try settle(db, mutationID: conflict.mutationID, statuses: ["conflict"], action: action, changes: settled,
                       by: user, now: now)
        return entry
    }

    /// Removes an unsettled answer from the list and writes who settled it, how and when.
    /// - Returns: the answer's row as it was.
    static func settle(_ db: Database, mutationID: Int64, statuses: [String], action: String, changes: MutationPayload,
                       by user: User, now: Date) throws -> Row {
        let marks = statuses.map { _ in "?" }.joined(separator: ", ")
        guard let result = try Row.fetchOne(db, sql: """
            SELECT * FROM mutation_result WHERE mutation_id = ? AND status IN (\(marks))
            """, arguments: StatementArguments([mutationID.databaseValue] + statuses.map(\.databaseValue))) else {
            throw MissingRowError(entity: "mutation_result", id: String(mutationID))
        }
        try db.execute(sql: "DELETE FROM mutation_result WHERE mutation_id = ?", arguments: [mutationID])
        try db.execute(sql: """
            INSERT INTO audit (at, user_id, employer_code, action, entity, target_id, changes, mutation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [timestamp(now), user.id, result["employer_code"], action, result["entity"], result["target_id"],
                             try changes.json(), mutationID])
        return result
    }
}
