import FicheDomain
import GRDB

extension CareerPeriod {
    /// The mirror row of this career period at `employerCode`.
    func replicaColumns(employerCode: String) -> [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "dossier_id": dossierID.databaseValue,
         "start": start.iso.databaseValue, "end": end?.iso.databaseValue ?? .null, "grade": grade.databaseValue,
         "scale": scale.databaseValue, "regime": regime.thousandths.databaseValue,
         "schedule": JSONColumn.encode(schedule).databaseValue, "category": category.rawValue.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "career_period")
        let regime: RegimeFraction
        do { regime = try RegimeFraction(thousandths: try r.int("regime")) } catch { throw r.fail("regime: \(error)") }
        guard let schedule = try r.json("schedule", as: WorkSchedule.self) else { throw r.fail("schedule is empty") }
        self.init(id: try r.text("id"), dossierID: try r.text("dossier_id"), start: try r.date("start"),
                  end: try r.optionalDate("end"), grade: try r.text("grade"), scale: try r.text("scale"),
                  regime: regime, schedule: schedule, category: try r.value("category", as: StaffCategory.self))
    }
}
