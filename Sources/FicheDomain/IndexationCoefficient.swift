import FicheTOML

/// The salary indexation coefficient valid from a date (public salaries: index 100 × coefficient).
public struct IndexationCoefficient: Hashable, Sendable, Codable {
    public var validFrom: LocalDate
    /// Multiplier applied to base (index 100) amounts, e.g. 2.1223 from 1 March 2025.
    public var value: Double
    public var source: String

    public init(validFrom: LocalDate, value: Double, source: String = "") {
        self.validFrom = validFrom
        self.value = value
        self.source = source
    }

    /// `baseCents` multiplied by the coefficient, rounded to the cent.
    public func indexed(_ baseCents: Int) -> Int {
        Int((Double(baseCents) * value).rounded())
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["valid_from", "value", "source"], in: "[[coefficient]]")
        self.init(validFrom: try table.date("valid_from"), value: try table.number("value"),
                  source: try table.optionalString("source") ?? "")
        guard value > 0 else { throw table.error("value must be positive", at: "value") }
    }
}
