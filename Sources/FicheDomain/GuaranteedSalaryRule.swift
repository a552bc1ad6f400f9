import FicheTOML

/// The guaranteed salary of a contract worker unable to work: the employer pays the first
/// `calendarDays` calendar days of an incapacity; a new incapacity that starts within
/// `relapseDays` days of the end of the previous one continues the same guaranteed period.
///
/// Read from `Rules/guaranteed-salary.toml`; used by `SicknessPayer`.
public struct GuaranteedSalaryRule: Hashable, Sendable, Codable {
    /// Calendar days of an incapacity paid by the employer (30).
    public var calendarDays: Int
    /// Days after the end of an incapacity within which a new one continues it (14).
    public var relapseDays: Int
    /// Where the numbers come from.
    public var source: String

    public init(calendarDays: Int, relapseDays: Int, source: String) {
        self.calendarDays = calendarDays
        self.relapseDays = relapseDays
        self.source = source
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["calendar_days", "relapse_days", "source"], in: "[contract_staff]")
        self.init(calendarDays: try table.integer("calendar_days"), relapseDays: try table.integer("relapse_days"),
                  source: try table.string("source"))
        guard calendarDays >= 0 else { throw table.error("calendar_days must not be negative", at: "calendar_days") }
        guard relapseDays >= 0 else { throw table.error("relapse_days must not be negative", at: "relapse_days") }
    }
}
