import FicheDomain
import GRDB

extension AppDatabase {
    /// Dossiers per employer and payroll clerk, from the dossier list (pending reassignments
    /// included): by employer, then clerk name, the unassigned last. Clerks without dossiers do
    /// not appear; `payrollClerks(employerCode:)` lists every possible target.
    ///
    /// ```swift
    /// let bars = try database.workload()
    /// bars.first   // AC-IXL, u-clerk "Dubois, C.", 175 dossiers
    /// ```
    /// - Parameter activeOnly: count active dossiers only (not suspended or left).
    public func workload(activeOnly: Bool = true) throws -> [WorkloadRow] {
        try writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT employer_code, payroll_clerk_id, max(payroll_clerk) AS clerk, max(clerk_sort) AS clerk_sort,
                       count(*) AS dossiers
                FROM dossier_list WHERE ?1 = 0 OR status = 'active'
                GROUP BY employer_code, payroll_clerk_id
                ORDER BY employer_code, payroll_clerk_id IS NULL, clerk_sort, payroll_clerk_id
                """), arguments: [activeOnly]).map { row in
                let clerkID: String? = row["payroll_clerk_id"]
                let name: String? = row["clerk"]
                return WorkloadRow(employerCode: row["employer_code"], payrollClerkID: clerkID,
                                   payrollClerkName: clerkID == nil || (name ?? "").isEmpty ? nil : name,
                                   dossiers: row["dossiers"])
            }
        }
    }

    /// Active users holding any role at `employerCode` (on `date` when given, else whatever
    /// the grants' dates), by display name.
    ///
    /// ```swift
    /// let people = try database.users(employerCode: "CPAS-IXL")
    /// ```
    public func users(employerCode: String, on date: LocalDate? = nil) throws -> [User] {
        try users(employerCode: employerCode, role: nil, on: date)
    }

    /// Active users holding the payroll clerk role at `employerCode`: the targets a supervisor
    /// may reassign a dossier to, by display name.
    ///
    /// ```swift
    /// let clerks = try database.payrollClerks(employerCode: "AC-IXL", on: today)
    /// ```
    public func payrollClerks(employerCode: String, on date: LocalDate? = nil) throws -> [User] {
        try users(employerCode: employerCode, role: .payrollClerk, on: date)
    }

    private func users(employerCode: String, role: Role?, on date: LocalDate?) throws -> [User] {
        try writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT u.* FROM app_user u
                WHERE u.active = 1 AND EXISTS (
                    SELECT 1 FROM user_grant g
                    WHERE g.user_id = u.id AND g.employer_code = ?1 AND (?2 IS NULL OR g.role = ?2)
                      AND (?3 IS NULL OR ((g.valid_from IS NULL OR g.valid_from <= ?3) AND (g.valid_to IS NULL OR g.valid_to >= ?3))))
                """), arguments: [employerCode, role?.rawValue, date?.iso]).map(User.init(stored:))
            .sorted { (SortKey.fold($0.displayName), $0.id) < (SortKey.fold($1.displayName), $1.id) }
        }
    }
}
