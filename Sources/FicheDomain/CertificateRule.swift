import FicheTOML

/// When an absence type needs a medical certificate, and the first-day exemption.
///
/// Since 28 November 2022, contract staff may be absent for sickness on a single first day
/// without certificate three times per calendar year. The numbers and the categories they
/// apply to are data (`Rules/absence-types.toml`).
public struct CertificateRule: Hashable, Sendable, Codable {
    /// Whether a certificate is required at all.
    public var required: Bool
    /// Working days after the first absence day within which the certificate must arrive.
    public var deadlineWorkingDays: Int
    /// How many one-day absences per calendar year need no certificate (0: none).
    public var exemptFirstDaysPerYear: Int
    /// Staff categories the exemption applies to (others need a certificate from day one).
    public var exemptCategories: Set<StaffCategory>

    /// No certificate ever needed.
    public static let none = CertificateRule(required: false, deadlineWorkingDays: 0,
                                             exemptFirstDaysPerYear: 0, exemptCategories: [])

    public init(required: Bool, deadlineWorkingDays: Int, exemptFirstDaysPerYear: Int,
                exemptCategories: Set<StaffCategory>) {
        self.required = required
        self.deadlineWorkingDays = deadlineWorkingDays
        self.exemptFirstDaysPerYear = exemptFirstDaysPerYear
        self.exemptCategories = exemptCategories
    }
}

extension CertificateRule {
    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["required", "deadline_working_days", "exempt_first_days_per_year", "exempt_categories"],
                            in: "certificate")
        var categories: Set<StaffCategory> = []
        for name in try table.strings("exempt_categories") {
            guard let category = StaffCategory(rawValue: name) else {
                throw table.error("unknown staff category '\(name)'", at: "exempt_categories")
            }
            categories.insert(category)
        }
        self.init(required: try table.boolean("required"),
                  deadlineWorkingDays: try table.optionalInteger("deadline_working_days") ?? 0,
                  exemptFirstDaysPerYear: try table.optionalInteger("exempt_first_days_per_year") ?? 0,
                  exemptCategories: categories)
    }
}
