import FicheTOML

/// A dated article 60 qualifying policy: how many days, in which window, for which age, and
/// what each absence day does (counts, extends the window, or neither).
///
/// Each day of a contract is judged by the policy in force THAT day, so a contract running
/// across 1 March 2026 (the unemployment reform) changes rules on that day; the target and
/// window come from the policy in force when the contract ends. A change in the law is a new
/// entry in `Rules/art60-policies.toml`.
public struct Art60Policy: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var validFrom: LocalDate
    /// Last day the policy is in force; `nil` while in force.
    public var validTo: LocalDate?
    /// Days per week of the unemployment day system (6): a worked day of a 5-day week is
    /// worth 6/5 of a qualifying day, so 312 days are about one year of full-time work.
    public var unemploymentWeekDays: Int
    /// Unpaid absence days per calendar year that still count.
    public var unpaidCapDaysPerYear: Double
    public var bands: [Art60AgeBand]
    /// What an absence day does, by type and payer; the first matching line decides.
    public var dayRules: [Art60DayRule]
    /// Where the numbers come from.
    public var source: String

    public init(id: String, validFrom: LocalDate, validTo: LocalDate?, unemploymentWeekDays: Int,
                unpaidCapDaysPerYear: Double, bands: [Art60AgeBand], dayRules: [Art60DayRule] = [], source: String) {
        self.id = id
        self.validFrom = validFrom
        self.validTo = validTo
        self.unemploymentWeekDays = unemploymentWeekDays
        self.unpaidCapDaysPerYear = unpaidCapDaysPerYear
        self.bands = bands
        self.dayRules = dayRules
        self.source = source
    }

    /// Whether the policy is in force on `date`.
    public func applies(to date: LocalDate) -> Bool {
        date >= validFrom && (validTo.map { date <= $0 } ?? true)
    }

    /// What an absence day of `type` paid by `payer` does under this policy, and whether the
    /// yearly unpaid cap limits it. Without a `[[policy.day]]` line for the type, the type's
    /// own `art60` value decides: `counts` counts, `unpaid_capped` counts within the cap,
    /// `none` does neither.
    public func judge(_ type: AbsenceType, payer: DayPayer) -> (outcome: Art60DayOutcome, capped: Bool) {
        if let rule = dayRules.first(where: { $0.matches(typeCode: type.code, payer: payer) }) {
            return (rule.outcome, rule.capped)
        }
        switch type.art60 {
        case .counts: return (.counts, false)
        case .unpaidCapped: return (.counts, true)
        case .none: return (.neither, false)
        }
    }

    /// The band for a worker of `age` (in completed years when the contract ends).
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
                             "band", "day", "source"], in: "[[policy]]")
        var bands: [Art60AgeBand] = []
        for band in try table.tables("band") { bands.append(try Art60AgeBand(table: band)) }
        var dayRules: [Art60DayRule] = []
        for day in try table.tables("day") { dayRules.append(try Art60DayRule(table: day)) }
        guard !bands.isEmpty else { throw table.error("policy needs at least one [[policy.band]]") }
        self.init(id: try table.string("id"), validFrom: try table.date("valid_from"),
                  validTo: try table.optionalDate("valid_to"),
                  unemploymentWeekDays: try table.integer("unemployment_week_days"),
                  unpaidCapDaysPerYear: try table.number("unpaid_cap_days_per_year"), bands: bands,
                  dayRules: dayRules, source: try table.optionalString("source") ?? "")
        guard (5...7).contains(unemploymentWeekDays) else {
            throw table.error("unemployment_week_days must be 5, 6 or 7", at: "unemployment_week_days")
        }
    }
}
