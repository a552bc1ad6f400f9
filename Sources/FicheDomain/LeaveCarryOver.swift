import FicheTOML

/// How many unused annual leave days staff of some categories keep into the next year.
public struct LeaveCarryOver: Hashable, Sendable, Codable {
    public var categories: Set<StaffCategory>
    /// Most days carried from one year into the next.
    public var maxDays: Int
    /// Where the rule comes from.
    public var source: String

    public init(categories: Set<StaffCategory>, maxDays: Int, source: String) {
        self.categories = categories
        self.maxDays = maxDays
        self.source = source
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["categories", "max_days", "source"], in: "[[carry_over]]")
        var categories: Set<StaffCategory> = []
        for name in try table.strings("categories") {
            guard let category = StaffCategory(rawValue: name) else {
                throw table.error("unknown staff category '\(name)'", at: "categories")
            }
            categories.insert(category)
        }
        self.init(categories: categories, maxDays: try table.integer("max_days"), source: try table.string("source"))
        guard maxDays >= 0 else { throw table.error("max_days must not be negative", at: "max_days") }
    }
}
