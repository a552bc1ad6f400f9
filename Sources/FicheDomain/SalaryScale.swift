import FicheTOML

/// A salary scale of an employer, with amounts at index 100 (before indexation).
///
/// Reference data, not an enum: each employer's scales file lists its own grades.
public struct SalaryScale: Hashable, Sendable, Codable, Identifiable {
    /// Scale code (`A1`, `B2`, `D4`…).
    public var code: String
    /// Level letter (`A`…`E`).
    public var level: String
    /// Yearly amount at index 100 at the start of the scale, in euro cents.
    public var baseMinimumCents: Int
    /// Yearly amount at index 100 at the top of the scale, in euro cents.
    public var baseMaximumCents: Int

    public var id: String { code }

    public init(code: String, level: String, baseMinimumCents: Int, baseMaximumCents: Int) {
        self.code = code
        self.level = level
        self.baseMinimumCents = baseMinimumCents
        self.baseMaximumCents = baseMaximumCents
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["code", "level", "base_annual_min", "base_annual_max"], in: "[[scale]]")
        let min = try table.number("base_annual_min")
        let max = try table.number("base_annual_max")
        guard min > 0, max >= min else { throw table.error("base_annual_max must be ≥ base_annual_min > 0", at: "base_annual_max") }
        self.init(code: try table.string("code"), level: try table.string("level"),
                  baseMinimumCents: Int((min * 100).rounded()), baseMaximumCents: Int((max * 100).rounded()))
    }
}
