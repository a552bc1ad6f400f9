/// A legal employer: a commune or its CPAS, each its own data controller.
///
/// Every dossier, time record and payroll month belongs to exactly one employer.
public struct Employer: Hashable, Sendable, Codable, Identifiable {
    /// Stable code, e.g. `"AC-IXL"`, `"CPAS-IXL"`.
    public var code: String
    public var kind: EmployerKind
    public var nameFR: String
    public var nameNL: String
    /// Id of the holiday calendar in `Rules/holidays.toml` this employer applies.
    public var holidayCalendarID: String
    /// Day of the month on which the payroll month is closed (1…28).
    public var payrollCutOffDay: Int

    public var id: String { code }

    public init(code: String, kind: EmployerKind, nameFR: String, nameNL: String,
                holidayCalendarID: String, payrollCutOffDay: Int) {
        self.code = code
        self.kind = kind
        self.nameFR = nameFR
        self.nameNL = nameNL
        self.holidayCalendarID = holidayCalendarID
        self.payrollCutOffDay = min(28, max(1, payrollCutOffDay))
    }

    /// The name in the reader's language (English readers get the French name, as on official papers).
    public func name(in language: Language) -> String {
        language == .nl ? nameNL : nameFR
    }
}
