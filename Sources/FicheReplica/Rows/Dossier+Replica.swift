import FicheDomain
import GRDB

extension Dossier {
    /// The mirror row of this dossier.
    var replicaColumns: [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "number": number.databaseValue,
         "person_id": personID.databaseValue, "status": status.rawValue.databaseValue,
         "category": category.rawValue.databaseValue, "payroll_clerk_id": payrollClerkID.databaseValue,
         "time_manager_id": timeManagerID.databaseValue, "start_date": startDate.iso.databaseValue,
         "pay_seniority_date": paySeniorityDate?.iso.databaseValue ?? .null,
         "end_date": endDate?.iso.databaseValue ?? .null]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "dossier")
        self.init(id: try r.text("id"), employerCode: try r.text("employer_code"), number: try r.text("number"),
                  personID: try r.text("person_id"), status: try r.value("status", as: DossierStatus.self),
                  category: try r.value("category", as: StaffCategory.self),
                  payrollClerkID: r.optionalText("payroll_clerk_id"), timeManagerID: r.optionalText("time_manager_id"),
                  startDate: try r.date("start_date"), paySeniorityDate: try r.optionalDate("pay_seniority_date"),
                  endDate: try r.optionalDate("end_date"))
    }
}
