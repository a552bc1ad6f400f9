import FicheTOML

/// One line of an article 60 policy: for some absence types and a payer, what a day does.
///
/// Read from a `[[policy.day]]` entry of `Rules/art60-policies.toml`; the first entry of the
/// policy that matches a day's type and payer decides.
public struct Art60DayRule: Hashable, Sendable, Codable {
    /// Absence type codes the line is about.
    public var typeCodes: [String]
    /// The payer the line is about; `nil` for any payer.
    public var payer: DayPayer?
    public var outcome: Art60DayOutcome
    /// Whether at most the policy's `unpaid_cap_days_per_year` days a calendar year get the
    /// outcome; the days over the cap do neither.
    public var capped: Bool

    public init(typeCodes: [String], payer: DayPayer?, outcome: Art60DayOutcome, capped: Bool = false) {
        self.typeCodes = typeCodes
        self.payer = payer
        self.outcome = outcome
        self.capped = capped
    }

    /// Whether the line decides a day of `typeCode` paid by `payer`.
    public func matches(typeCode: String, payer: DayPayer) -> Bool {
        typeCodes.contains(typeCode) && (self.payer.map { $0 == payer } ?? true)
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["types", "payer", "outcome", "capped"], in: "[[policy.day]]")
        let types = try table.strings("types")
        guard !types.isEmpty else { throw table.error("types must name at least one absence type", at: "types") }
        var payer: DayPayer?
        if let name = try table.optionalString("payer") {
            guard let value = DayPayer(rawValue: name) else {
                throw table.error("payer must be employer, mutuality_or_insurer or nobody, found '\(name)'", at: "payer")
            }
            payer = value
        }
        let outcomeName = try table.string("outcome")
        guard let outcome = Art60DayOutcome(rawValue: outcomeName) else {
            throw table.error("outcome must be counts, extends or neither, found '\(outcomeName)'", at: "outcome")
        }
        self.init(typeCodes: types, payer: payer, outcome: outcome, capped: try table.boolean("capped", default: false))
    }
}
