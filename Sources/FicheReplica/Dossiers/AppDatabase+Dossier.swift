import FicheDomain
import GRDB

extension AppDatabase {
    /// One dossier with its person, employer, career and the time records touching `year`,
    /// as the working view shows them (pending local changes included). Nil when not held.
    ///
    /// ```swift
    /// let card = try database.openDossier("dos-AC-IXL-1", year: 2026)
    /// ```
    public func openDossier(_ id: String, year: Int) throws -> DossierCard? {
        try writer.read { db in
            guard let dossierRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM dossier_view WHERE id = ?"),
                                                    arguments: [id]) else { return nil }
            let dossier = try Dossier(stored: dossierRow)
            guard let personRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person_view WHERE id = ?"),
                                                   arguments: [dossier.personID]),
                  let employerRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM employer WHERE code = ?"),
                                                     arguments: [dossier.employerCode]) else { return nil }
            let career = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM career_period WHERE dossier_id = ? ORDER BY start"),
                arguments: [id]).map(CareerPeriod.init(stored:))
            let records = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM time_record_view WHERE dossier_id = ? AND start <= ? AND "end" >= ? ORDER BY start, id
                """), arguments: [id, "\(year)-12-31", "\(year)-01-01"]).map(TimeRecord.init(stored:))
            let pending = try String.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM local_time_record WHERE dossier_id = ?
                """), arguments: [id])
            var card = DossierCard(dossier: dossier, person: try Person(stored: personRow),
                                   employer: try Employer(stored: employerRow), career: career,
                                   timeRecords: records, pendingRecordIDs: Set(pending))
            if let iban = personRow["pending_iban"] as String?, let requestedBy = personRow["pending_iban_by"] as String? {
                card.ibanChange = IBANChange(iban: iban, requestedBy: requestedBy)
            }
            return card
        }
    }
}
