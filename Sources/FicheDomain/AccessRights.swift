/// What one user may see and do, employer by employer, from their grants.
///
/// ```swift
/// let rights = AccessRights(userID: "u1", grants: grants, on: today)
/// try rights.require(.validateTimeRecord, at: "CPAS-IXL")
/// rights.nissText(person.niss, at: "CPAS-IXL")   // full or masked
/// ```
public struct AccessRights: Hashable, Sendable {
    public let userID: String
    /// Roles held, by employer code.
    public let roles: [String: Set<Role>]

    /// Collects the user's grants in force on `date` (all of them when `date` is nil).
    public init(userID: String, grants: [Grant], on date: LocalDate? = nil) {
        self.userID = userID
        var roles: [String: Set<Role>] = [:]
        for grant in grants where grant.userID == userID && grant.isValid(on: date) {
            roles[grant.employerCode, default: []].insert(grant.role)
        }
        self.roles = roles
    }

    /// Employers the user holds any role at.
    public var employerCodes: [String] { roles.keys.sorted() }

    /// Whether the user may `permission` at `employerCode`.
    public func may(_ permission: Permission, at employerCode: String) -> Bool {
        roles[employerCode]?.contains { $0.permissions.contains(permission) } ?? false
    }

    /// Checks a permission.
    ///
    /// - Throws: `RuleViolation.permissionDenied`.
    public func require(_ permission: Permission, at employerCode: String) throws(RuleViolation) {
        guard may(permission, at: employerCode) else {
            throw .permissionDenied(permission: permission, employerCode: employerCode)
        }
    }

    /// The NISS as this user may see it at `employerCode`: in full, or masked.
    public func nissText(_ niss: NISS, at employerCode: String) -> String {
        may(.viewFullNISS, at: employerCode) ? niss.formatted : niss.masked
    }

    /// The IBAN as this user may see it at `employerCode`: in full, or masked.
    public func ibanText(_ iban: IBAN, at employerCode: String) -> String {
        may(.viewIBAN, at: employerCode) ? iban.formatted : iban.masked
    }
}
