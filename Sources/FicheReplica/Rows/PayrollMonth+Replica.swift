import FicheDomain
import GRDB

extension PayrollMonth {
    /// The mirror row of this payroll month.
    var replicaColumns: [String: DatabaseValue] {
        ["employer_code": employerCode.databaseValue, "month": month.description.databaseValue,
         "status": status.rawValue.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "payroll_month")
        guard let month = try r.optionalMonth("month") else { throw r.fail("month is empty") }
        self.init(employerCode: try r.text("employer_code"), month: month,
                  status: try r.value("status", as: PayrollMonthStatus.self))
    }
}
