import FicheTOML

/// The sick-leave capital of statutory staff: `daysPerYear` working days of sick leave per full
/// 12 months of service, at least `minimumDays` while the worker has fewer than `minimumMonths`
/// months of service; the days of `deductedTypes` used during the career come out of it, and
/// past it the employer pays a waiting allowance (`waitingAllowancePercent` of the salary).
///
/// Read from `Rules/sick-leave-capital.toml`; used by `SickLeaveCapital`.
///
/// ```swift
/// rules.sickLeaveCapital.capitalDays(serviceMonths: 24)    // 63
/// rules.sickLeaveCapital.capitalDays(serviceMonths: 120)   // 210
/// ```
public struct SickLeaveCapitalRule: Hashable, Sendable, Codable {
    /// The staff categories with a capital (statutory staff, trainees).
    public var categories: Set<StaffCategory>
    /// Working days of sick leave per full 12 months of service (21).
    public var daysPerYear: Int
    /// The capital's floor while the service is shorter than `minimumMonths` (63).
    public var minimumDays: Int
    /// Months of service the floor covers (36).
    public var minimumMonths: Int
    /// The career periods whose earliest first day starts the service seniority.
    public var seniorityCategories: Set<StaffCategory>
    /// Absence type codes whose working days come out of the capital (`sick`; never a work accident).
    public var deductedTypes: [String]
    /// Share of the salary the waiting allowance pays past the capital (60).
    public var waitingAllowancePercent: Int
    /// Where the numbers come from.
    public var source: String

    public init(categories: Set<StaffCategory>, daysPerYear: Int, minimumDays: Int, minimumMonths: Int,
                seniorityCategories: Set<StaffCategory> = Set(StaffCategory.allCases), deductedTypes: [String],
                waitingAllowancePercent: Int, source: String) {
        self.categories = categories
        self.daysPerYear = daysPerYear
        self.minimumDays = minimumDays
        self.minimumMonths = minimumMonths
        self.seniorityCategories = seniorityCategories
        self.deductedTypes = deductedTypes
        self.waitingAllowancePercent = waitingAllowancePercent
        self.source = source
    }

    /// The capital, in working days, of a worker with `serviceMonths` full months of service:
    /// `daysPerYear` per full 12 months, never less than `minimumDays` before `minimumMonths`.
    public func capitalDays(serviceMonths: Int) -> Int {
        let earned = daysPerYear * (max(0, serviceMonths) / 12)
        return serviceMonths < minimumMonths ? max(minimumDays, earned) : earned
    }

    /// Reads `[statutory_staff]`, checking the deducted types against `catalogue`.
    init(table: TOMLTable, catalogue: AbsenceCatalogue) throws(RuleFileError) {
        try table.checkKeys(["categories", "days_per_year", "minimum_days", "minimum_months", "seniority_categories",
                             "deducted_types", "waiting_allowance_percent", "source"], in: "[statutory_staff]")
        func categories(_ key: String) throws(RuleFileError) -> Set<StaffCategory> {
            var found: Set<StaffCategory> = []
            for name in try table.strings(key) {
                guard let category = StaffCategory(rawValue: name) else {
                    throw table.error("unknown staff category '\(name)'", at: key)
                }
                found.insert(category)
            }
            return found
        }
        var types: [String] = []
        for code in try table.strings("deducted_types") {
            guard let type = catalogue.type(code), type.recordKind == .absence else {
                throw table.error("unknown absence type '\(code)'", at: "deducted_types")
            }
            guard type.unit != .hour else {
                throw table.error("absence type '\(code)' is counted in hours, not in working days", at: "deducted_types")
            }
            types.append(code)
        }
        self.init(categories: try categories("categories"), daysPerYear: try table.integer("days_per_year"),
                  minimumDays: try table.integer("minimum_days"), minimumMonths: try table.integer("minimum_months"),
                  seniorityCategories: table["seniority_categories"] == nil
                      ? Set(StaffCategory.allCases) : try categories("seniority_categories"),
                  deductedTypes: types, waitingAllowancePercent: try table.integer("waiting_allowance_percent"),
                  source: try table.string("source"))
        for (key, value) in [("days_per_year", daysPerYear), ("minimum_days", minimumDays),
                             ("minimum_months", minimumMonths), ("waiting_allowance_percent", waitingAllowancePercent)]
            where value < 0 {
            throw table.error("\(key) must not be negative", at: key)
        }
        guard waitingAllowancePercent <= 100 else {
            throw table.error("waiting_allowance_percent must be at most 100", at: "waiting_allowance_percent")
        }
    }
}
