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
    /// The staff categories it applies to (contract staff); the others are paid by their own
    /// rules (`AbsenceType.payer(for:)`).
    public var categories: Set<StaffCategory>
    /// Where the numbers come from.
    public var source: String

    public init(calendarDays: Int, relapseDays: Int,
                categories: Set<StaffCategory> = Set(StaffCategory.allCases.filter(\.isContractStaff)), source: String) {
        self.calendarDays = calendarDays
        self.relapseDays = relapseDays
        self.categories = categories
        self.source = source
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["calendar_days", "relapse_days", "categories", "source"], in: "[contract_staff]")
        var categories = Set(StaffCategory.allCases.filter(\.isContractStaff))
        if table["categories"] != nil {
            categories = []
            for name in try table.strings("categories") {
                guard let category = StaffCategory(rawValue: name) else {
                    throw table.error("unknown staff category '\(name)'", at: "categories")
                }
                categories.insert(category)
            }
        }
        self.init(calendarDays: try table.integer("calendar_days"), relapseDays: try table.integer("relapse_days"),
                  categories: categories, source: try table.string("source"))
        guard calendarDays >= 0 else { throw table.error("calendar_days must not be negative", at: "calendar_days") }
        guard relapseDays >= 0 else { throw table.error("relapse_days must not be negative", at: "relapse_days") }
    }
}
