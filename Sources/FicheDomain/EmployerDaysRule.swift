import FicheTOML

/// The first working days of each event of an absence type that the employer pays before the
/// type's payer takes over, for some staff categories: birth leave of contract staff, the
/// employer's 3 days of each birth, then the mutuality.
///
/// Fiche stores no birth date: the leave days of one event are told from the next by a window,
/// a day more than `windowMonths` months after the first day of the current event opening a
/// new one (the leave of a birth must be taken within 4 months of it).
///
/// Read from `[absence_type.employer_days]` of `Rules/absence-types.toml`; used by `EmployerDaysPayer`.
public struct EmployerDaysRule: Hashable, Sendable, Codable {
    /// Working days of each event the employer pays (3).
    public var days: Int
    /// The staff categories it applies to (contract staff); the others pay by `AbsenceType.payer(for:)`.
    public var categories: Set<StaffCategory>
    /// Months after an event's first day within which a day belongs to the same event (4).
    public var windowMonths: Int
    /// Where the rule comes from.
    public var source: String

    public init(days: Int, categories: Set<StaffCategory>, windowMonths: Int, source: String) {
        self.days = days
        self.categories = categories
        self.windowMonths = windowMonths
        self.source = source
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["days", "categories", "window_months", "source"], in: "[absence_type.employer_days]")
        var categories: Set<StaffCategory> = []
        for name in try table.strings("categories") {
            guard let category = StaffCategory(rawValue: name) else {
                throw table.error("unknown staff category '\(name)'", at: "categories")
            }
            categories.insert(category)
        }
        self.init(days: try table.integer("days"), categories: categories, windowMonths: try table.integer("window_months"),
                  source: try table.string("source"))
        guard days >= 0 else { throw table.error("days must not be negative", at: "days") }
        guard windowMonths >= 1 else { throw table.error("window_months must be at least 1", at: "window_months") }
    }
}
