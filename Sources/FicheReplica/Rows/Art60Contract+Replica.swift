import FicheDomain
import GRDB

extension Art60Contract {
    /// The mirror row of this contract.
    var replicaColumns: [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "dossier_id": dossierID.databaseValue,
         "start": start.iso.databaseValue, "end": end?.iso.databaseValue ?? .null,
         "end_reason": endReason?.rawValue.databaseValue ?? .null,
         "planned_end": plannedEnd?.iso.databaseValue ?? .null, "regime": regime.thousandths.databaseValue,
         "officer_id": officerID.databaseValue, "prior_days": priorDays.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "art60_contract")
        let regime: RegimeFraction
        do { regime = try RegimeFraction(thousandths: try r.int("regime")) } catch { throw r.fail("regime: \(error)") }
        var endReason: Art60EndReason?
        if r.optionalText("end_reason") != nil { endReason = try r.value("end_reason", as: Art60EndReason.self) }
        self.init(id: try r.text("id"), employerCode: try r.text("employer_code"), dossierID: try r.text("dossier_id"),
                  start: try r.date("start"), end: try r.optionalDate("end"), endReason: endReason,
                  plannedEnd: try r.optionalDate("planned_end"), regime: regime, officerID: r.optionalText("officer_id"),
                  priorDays: try r.int("prior_days"))
    }
}
