import FicheTOML

/// The cost table of `workload-costs.toml`: the default costs, and an employer's own where it
/// has an `[[employer]]` table (only the keys it sets change).
public struct WorkloadCostRule: Hashable, Sendable {
    public var defaults: WorkloadCosts
    /// Costs by employer code, for the employers with their own.
    public var byEmployer: [String: WorkloadCosts]
    /// Where the numbers come from (an organisational estimate).
    public var source: String

    public init(defaults: WorkloadCosts, byEmployer: [String: WorkloadCosts] = [:], source: String) {
        self.defaults = defaults
        self.byEmployer = byEmployer
        self.source = source
    }

    /// The costs that apply to the dossiers of `employerCode`.
    public func costs(for employerCode: String) -> WorkloadCosts {
        byEmployer[employerCode] ?? defaults
    }

    /// Reads the file's document: `[default]` with every key and `source`, then `[[employer]]`
    /// tables with `code` and any keys to change.
    init(document: TOMLTable) throws(RuleFileError) {
        try document.checkKeys(["default", "employer"], in: RuleFile.workloadCosts.rawValue)
        let table = try document.table("default")
        try table.checkKeys(Set(WorkloadCosts.keys + ["source"]), in: "[default]")
        for key in WorkloadCosts.keys { _ = try table.integer(key) }
        defaults = try WorkloadCosts.zero.overridden(by: table)
        source = try table.string("source")
        var byEmployer: [String: WorkloadCosts] = [:]
        for employer in try document.tables("employer") {
            try employer.checkKeys(Set(WorkloadCosts.keys + ["code"]), in: "[[employer]]")
            let code = try employer.string("code")
            guard byEmployer[code] == nil else { throw employer.error("employer '\(code)' has two cost tables", at: "code") }
            byEmployer[code] = try defaults.overridden(by: employer)
        }
        self.byEmployer = byEmployer
    }
}
