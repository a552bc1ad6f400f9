import FicheDomain
import GRDB

extension AppDatabase {
    /// The dossiers of `employerCodes` whose new IBAN waits for a second person, by dossier
    /// number: the IBAN queue. A person with dossiers at two of those employers is listed once
    /// per dossier.
    ///
    /// ```swift
    /// let waiting = try database.pendingIBANChanges(employerCodes: ["CPAS-IXL"])
    /// ```
    public func pendingIBANChanges(employerCodes: [String]) throws -> [PendingIBANChange] {
        guard !employerCodes.isEmpty else { return [] }
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.iban AS iban_in_force, p.pending_iban, p.pending_iban_by, u.display_name AS requested_by_name,
                       \(BatchedReads.listSelection)
                FROM person_view p
                JOIN dossier_view d ON d.person_id = p.id
                JOIN dossier_list l ON l.id = d.id
                LEFT JOIN app_user u ON u.id = p.pending_iban_by
                WHERE p.pending_iban IS NOT NULL AND p.pending_iban_by IS NOT NULL
                  AND d.employer_code IN (\(databaseQuestionMarks(count: employerCodes.count)))
                ORDER BY l.number, l.id
                """, arguments: StatementArguments(employerCodes)).map { row in
                let dossier = BatchedReads.listRow(prefixed: row)
                return PendingIBANChange(dossier: dossier, ibanInForce: row["iban_in_force"],
                                         requestedIBAN: row["pending_iban"], requestedBy: row["pending_iban_by"],
                                         requestedByName: row["requested_by_name"],
                                         link: DossierLink(dossierID: dossier.id, tab: .identity))
            }
        }
    }
}
