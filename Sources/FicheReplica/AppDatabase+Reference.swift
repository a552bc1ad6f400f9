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
}
