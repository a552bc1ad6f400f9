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
        var schedules: [String: WorkSchedule] = [:]
        try self.init(stored: row, schedules: &schedules)
    }

    /// Reads a stored career period, its schedule decoded once per distinct JSON text in
    /// `schedules`: a read of thousands of careers meets a handful of weekly patterns, and
    /// decoding each with `JSONDecoder` was a tenth of the art. 60 watch.
    init(stored row: Row, schedules: inout [String: WorkSchedule]) throws {
        let r = StoredRow(row: row, table: "career_period")
        let regime: RegimeFraction
        do { regime = try RegimeFraction(thousandths: try r.int("regime")) } catch { throw r.fail("regime: \(error)") }
        let schedule: WorkSchedule
        if let text: String = row["schedule"], let known = schedules[text] {
            schedule = known
        } else {
            guard let decoded = try r.json("schedule", as: WorkSchedule.self) else { throw r.fail("schedule is empty") }
            if let text: String = row["schedule"] { schedules[text] = decoded }
            schedule = decoded
        }
        self.init(id: try r.text("id"), dossierID: try r.text("dossier_id"), start: try r.date("start"),
                  end: try r.optionalDate("end"), grade: try r.text("grade"), scale: try r.text("scale"),
                  regime: regime, schedule: schedule, category: try r.value("category", as: StaffCategory.self))
    }
}
