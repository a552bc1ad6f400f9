/// A role given to a user at one employer, optionally for a dated stretch.
///
/// Access is per employer: a user with roles at the commune and at the CPAS holds two grants.
public struct Grant: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var userID: String
    public var employerCode: String
    public var role: Role
    public var validFrom: LocalDate?
    public var validTo: LocalDate?

    public init(id: String, userID: String, employerCode: String, role: Role, validFrom: LocalDate? = nil,
                validTo: LocalDate? = nil) {
        self.id = id
        self.userID = userID
        self.employerCode = employerCode
        self.role = role
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether the grant is in force on `date` (always, when no dates are set).
    public func isValid(on date: LocalDate?) -> Bool {
        guard let date else { return true }
        if let validFrom, date < validFrom { return false }
        if let validTo, date > validTo { return false }
        return true
    }
}
