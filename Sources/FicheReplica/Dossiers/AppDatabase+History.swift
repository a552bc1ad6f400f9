import FicheDomain
import GRDB

extension AppDatabase {
    /// The history tab of a dossier: the audit rows of the dossier, of its person and of its
    /// time records, newest first. A record the server later refused (gone from the working
    /// view) keeps its history: it is found by the dossier named in its own audit row.
    ///
    /// ```swift
    /// let history = try database.dossierHistory(dossierID: "dos-AC-IXL-1")
    /// history.first?.action   // "updateDossierField"
    /// ```
    /// - Returns: nothing when the dossier is not held.
    public func dossierHistory(dossierID: String) throws -> [AuditEntry] {
        try writer.read { db in
            guard let personID = try String.fetchOne(db.cachedStatement(sql: """
                SELECT person_id FROM dossier_view WHERE id = ?
                """), arguments: [dossierID]) else { return [] }
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM audit WHERE entity = 'dossier' AND target_id = ?1
                UNION
                SELECT * FROM audit WHERE entity = 'person' AND target_id = ?2
                UNION
                SELECT a.* FROM time_record_view r JOIN audit a ON a.entity = 'time_record' AND a.target_id = r.id
                WHERE r.dossier_id = ?1
                UNION
                SELECT * FROM audit WHERE entity = 'time_record' AND json_extract(changes, '$.fields.dossier_id.new') = ?1
                ORDER BY id DESC
                """), arguments: [dossierID, personID])
            return try rows.map(Self.auditEntry)
        }
    }
}
