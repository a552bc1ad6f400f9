/// One dated stretch of a career: grade, scale, regime and category, unchanged throughout.
///
/// Any change opens a new period (see `Career.opening(_:)`); a period is never edited in place.
public struct CareerPeriod: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var dossierID: String
    public var start: LocalDate
    /// Last day of the period; `nil` while it is the current one.
    public var end: LocalDate?
    /// Grade code from the employer's scales (`A1`, `B2`, `D4`…); reference data, not an enum.
    public var grade: String
    /// Salary scale code (`A1`, `B1-2`…).
    public var scale: String
    public var regime: RegimeFraction
    /// The weekly pattern; decides which dates are working days.
    public var schedule: WorkSchedule
    public var category: StaffCategory

    public init(id: String, dossierID: String, start: LocalDate, end: LocalDate? = nil, grade: String, scale: String,
                regime: RegimeFraction, schedule: WorkSchedule, category: StaffCategory) {
        self.id = id
        self.dossierID = dossierID
        self.start = start
        self.end = end
        self.grade = grade
        self.scale = scale
        self.regime = regime
        self.schedule = schedule
        self.category = category
    }

    /// Whether `date` falls in this period.
    public func contains(_ date: LocalDate) -> Bool {
        date >= start && (end.map { date <= $0 } ?? true)
    }
}
