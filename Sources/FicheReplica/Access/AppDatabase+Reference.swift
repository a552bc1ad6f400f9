import FicheDomain
import GRDB

extension AppDatabase {
    /// The employers held (those the user has grants at), by code: for the employer filter
    /// and month closing; `Employer.name(in:)` gives the French or Dutch name.
    ///
    /// ```swift
    /// let employers = try database.employers()   // AC-IXL, CPAS-IXL
    /// ```
    public func employers() throws -> [Employer] {
        try writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM employer ORDER BY code")).map(Employer.init(stored:))
        }
    }

    /// The payroll months of `employerCode` as this device sees them (closings not yet sent
    /// included), latest first, open and closed.
    ///
    /// ```swift
    /// let months = try database.payrollMonths(employerCode: "AC-IXL")
    /// months.first { $0.status == .open }?.month
    /// ```
    public func payrollMonths(employerCode: String) throws -> [PayrollMonth] {
        try writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM payroll_month_view WHERE employer_code = ? ORDER BY month DESC
                """), arguments: [employerCode]).map(PayrollMonth.init(stored:))
        }
    }
}
