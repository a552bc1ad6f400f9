import FicheTOML

/// Annual leave days for staff of some categories within an age band (full-time figures).
public struct LeaveEntitlement: Hashable, Sendable, Codable {
    public var categories: Set<StaffCategory>
    public var minAge: Int
    public var maxAge: Int?
    /// Days per year for a full-time worker; part-time gets it pro rata of the regime.
    public var days: Int

    public init(categories: Set<StaffCategory>, minAge: Int, maxAge: Int?, days: Int) {
        self.categories = categories
        self.minAge = minAge
        self.maxAge = maxAge
        self.days = days
    }

    /// Whether the entitlement applies to `category` at `age`.
    public func applies(to category: StaffCategory, age: Int) -> Bool {
        categories.contains(category) && age >= minAge && (maxAge.map { age <= $0 } ?? true)
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["categories", "min_age", "max_age", "days"], in: "[[entitlement]]")
        var categories: Set<StaffCategory> = []
        for name in try table.strings("categories") {
            guard let category = StaffCategory(rawValue: name) else {
                throw table.error("unknown staff category '\(name)'", at: "categories")
            }
            categories.insert(category)
        }
        self.init(categories: categories, minAge: try table.integer("min_age"),
                  maxAge: try table.optionalInteger("max_age"), days: try table.integer("days"))
    }
}
