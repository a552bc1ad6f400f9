import FicheDomain
import Foundation
import GRDB

extension AppDatabase {
    /// The changes the server refused or found in conflict that nobody has settled yet, oldest
    /// first: what the sync conflicts screen lists and the badge counts as "to look at".
    ///
    /// ```swift
    /// for conflict in try database.syncConflicts() {
    ///     print(conflict.dossierNumber ?? "?", conflict.changes, conflict.serverValue ?? "", conflict.reason ?? "")
    /// }
    /// ```
    public func syncConflicts() throws -> [SyncConflict] {
        try writer.read { db in
            let results = try Row.fetchAll(db, sql: """
                SELECT * FROM mutation_result WHERE status IN ('conflict', 'rejected') ORDER BY mutation_id
                """)
            return try results.map { result in
                let mutationID: Int64 = result["mutation_id"]
                let entity: String = result["entity"]
                let targetID: String = result["target_id"]
                let audit = try Row.fetchOne(db, sql: "SELECT changes FROM audit WHERE mutation_id = ? ORDER BY id LIMIT 1",
                                             arguments: [mutationID])
                let changes = try audit.map { try MutationPayload.decode($0["changes"] ?? "").fieldChanges } ?? [:]
                let dossierID = try Self.dossierID(db, entity: entity, targetID: targetID, changes: changes)
                let listed = try dossierID.flatMap {
                    try Row.fetchOne(db, sql: "SELECT number, last_name, first_name FROM dossier_list WHERE id = ?", arguments: [$0])
                }
                return SyncConflict(
                    mutationID: mutationID, mutation: result["mutation"], entity: entity, targetID: targetID,
                    employerCode: result["employer_code"], status: result["status"], reason: result["reason"],
                    serverValue: result["server_value"], dossierID: dossierID, dossierNumber: listed?["number"],
                    dossierName: listed.map { "\($0["last_name"] as String? ?? ""), \($0["first_name"] as String? ?? "")" },
                    changes: changes, recordedAt: result["recorded_at"])
            }
        }
    }

    /// Settles a conflict or refusal by keeping the server's value: the answer leaves the list
    /// (and the badge's count), and the audit trail records who settled it and when. The server
    /// is not told: its value is already the one in the replica. Settling twice changes nothing.
    ///
    /// ```swift
    /// try database.keepServerValue(mutationID: conflict.mutationID, by: supervisor)
    /// ```
    /// - Throws: `MissingRowError` when there is no unsettled answer with that id.
    public func keepServerValue(mutationID: Int64, by user: User, now: Date? = nil) throws {
        let now = now ?? clock.now()
        return try write { db in
            _ = try Self.settle(db, mutationID: mutationID, statuses: ["conflict", "rejected"], action: "keepServerValue",
                                changes: MutationPayload(fields: [:]), by: user, now: now)
        }
    }

    /// The dossier a change was about: the dossier itself, the person's dossier, or the dossier
    /// of the time record (which a refused new record only names in what was typed).
    static func dossierID(_ db: Database, entity: String, targetID: String, changes: [String: FieldChange]) throws -> String? {
        switch entity {
        case "dossier", "reveal":
            return targetID
        case "person":
            return try String.fetchOne(db, sql: "SELECT id FROM dossier_view WHERE person_id = ? ORDER BY id LIMIT 1",
                                       arguments: [targetID])
        case "note":
            return try String.fetchOne(db, sql: "SELECT dossier_id FROM note_view WHERE id = ?", arguments: [targetID])
                ?? changes["dossier_id"].flatMap { $0.new ?? $0.old }
        default:
            let typed = changes["dossier_id"].flatMap { $0.new ?? $0.old }
            return try String.fetchOne(db, sql: "SELECT dossier_id FROM time_record_view WHERE id = ?", arguments: [targetID]) ?? typed
        }
    }
}
