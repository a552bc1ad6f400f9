import FicheTOML

/// The qualifying target for one age band of an article 60 policy.
public struct Art60AgeBand: Hashable, Sendable, Codable {
    /// Youngest age (in completed years on the day the contract ends) of the band.
    public var minAge: Int
    /// Oldest age of the band; `nil` for no upper bound.
    public var maxAge: Int?
    /// Qualifying days to reach (in the unemployment day system of the policy).
    public var targetDays: Int
    /// Reference window, in months, in which the days must fall.
    public var windowMonths: Int

    public init(minAge: Int, maxAge: Int?, targetDays: Int, windowMonths: Int) {
        self.minAge = minAge
        self.maxAge = maxAge
        self.targetDays = targetDays
        self.windowMonths = windowMonths
    }

    /// Whether `age` falls in the band.
    public func contains(age: Int) -> Bool {
        age >= minAge && (maxAge.map { age <= $0 } ?? true)
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["min_age", "max_age", "target_days", "window_months"], in: "[[policy.band]]")
        self.init(minAge: try table.integer("min_age"), maxAge: try table.optionalInteger("max_age"),
                  targetDays: try table.integer("target_days"), windowMonths: try table.integer("window_months"))
        guard targetDays > 0 else { throw table.error("target_days must be positive", at: "target_days") }
        guard windowMonths > 0 else { throw table.error("window_months must be positive", at: "window_months") }
    }
}
