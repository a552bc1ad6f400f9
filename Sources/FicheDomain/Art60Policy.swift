import FicheTOML

/// A dated article 60 qualifying policy: how many days, in which window, for which age.
///
/// Selected by contract start date, so a change in the law (the reform from 1 March 2026:
/// 312 days in 3 years for everyone) is a new entry in `Rules/art60-policies.toml`.
public struct Art60Policy: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var validFrom: LocalDate
    /// Last contract start date the policy applies to; `nil` while in force.
    public var validTo: LocalDate?
    /// Days per week of the unemployment day system (6): a worked day of a 5-day week is
    /// worth 6/5 of a qualifying day, so 312 days are about one year of full-time work.
    public var unemploymentWeekDays: Int
    /// Unpaid absence days per calendar year that still count.
    public var unpaidCapDaysPerYear: Double
    public var bands: [Art60AgeBand]
    /// Where the numbers come from.
    public var source: String

    public init(id: String, validFrom: LocalDate, validTo: LocalDate?, unemploymentWeekDays: Int,
                unpaidCapDaysPerYear: Double, bands: [Art60AgeBand], source: String) {
        self.id = id
        self.validFrom = validFrom
        self.validTo = validTo
        self.unemploymentWeekDays = unemploymentWeekDays
        self.unpaidCapDaysPerYear = unpaidCapDaysPerYear
        self.bands = bands
        self.source = source
    }

    /// Whether a contract starting on `date` falls under this policy.
    public func applies(to date: LocalDate) -> Bool {
        date >= validFrom && (validTo.map { date <= $0 } ?? true)
    }

    /// The band for a worker of `age` at contract start.
    ///
    /// - Throws: `RuleViolation.art60AgeBandMissing`.
    public func band(forAge age: Int) throws(RuleViolation) -> Art60AgeBand {
        guard let band = bands.first(where: { $0.contains(age: age) }) else {
            throw .art60AgeBandMissing(policyID: id, age: age)
        }
        return band
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["id", "valid_from", "valid_to", "unemployment_week_days", "unpaid_cap_days_per_year",
                             "band", "source"], in: "[[policy]]")
        var bands: [Art60AgeBand] = []
        for band in try table.tables("band") { bands.append(try Art60AgeBand(table: band)) }
        guard !bands.isEmpty else { throw table.error("policy needs at least one [[policy.band]]") }
        self.init(id: try table.string("id"), validFrom: try table.date("valid_from"),
                  validTo: try table.optionalDate("valid_to"),
                  unemploymentWeekDays: try table.integer("unemployment_week_days"),
                  unpaidCapDaysPerYear: try table.number("unpaid_cap_days_per_year"), bands: bands,
                  source: try table.optionalString("source") ?? "")
        guard (5...7).contains(unemploymentWeekDays) else {
            throw table.error("unemployment_week_days must be 5, 6 or 7", at: "unemployment_week_days")
        }
    }
}
