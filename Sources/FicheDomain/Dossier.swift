/// A person's employment at one employer: the unit a payroll clerk manages.
public struct Dossier: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var employerCode: String
    /// Dossier number as printed on papers (unique per employer).
    public var number: String
    public var personID: String
    public var status: DossierStatus
    public var category: StaffCategory
    /// User id of the assigned payroll clerk.
    public var payrollClerkID: String?
    /// User id of the assigned time manager.
    public var timeManagerID: String?
    public var startDate: LocalDate
    /// Date pay seniority is counted from (may precede the start date).
    public var paySeniorityDate: LocalDate?
    public var endDate: LocalDate?

    public init(id: String, employerCode: String, number: String, personID: String, status: DossierStatus = .active,
                category: StaffCategory, payrollClerkID: String? = nil, timeManagerID: String? = nil,
                startDate: LocalDate, paySeniorityDate: LocalDate? = nil, endDate: LocalDate? = nil) {
        self.id = id
        self.employerCode = employerCode
        self.number = number
        self.personID = personID
        self.status = status
        self.category = category
        self.payrollClerkID = payrollClerkID
        self.timeManagerID = timeManagerID
        self.startDate = startDate
        self.paySeniorityDate = paySeniorityDate
        self.endDate = endDate
    }

    /// Whether the person is employed on `date`.
    public func isEmployed(on date: LocalDate) -> Bool {
        date >= startDate && (endDate.map { date <= $0 } ?? true)
    }
}
