import FicheDomain
import GRDB

extension Employer {
    /// The mirror row of this employer.
    var replicaColumns: [String: DatabaseValue] {
        ["code": code.databaseValue, "kind": kind.rawValue.databaseValue, "name_fr": nameFR.databaseValue,
         "name_nl": nameNL.databaseValue, "holiday_calendar_id": holidayCalendarID.databaseValue,
         "payroll_cut_off_day": payrollCutOffDay.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "employer")
        self.init(code: try r.text("code"), kind: try r.value("kind", as: EmployerKind.self),
                  nameFR: try r.text("name_fr"), nameNL: try r.text("name_nl"),
                  holidayCalendarID: r.optionalText("holiday_calendar_id") ?? "",
                  payrollCutOffDay: r.optionalInt("payroll_cut_off_day") ?? 20)
    }
}
