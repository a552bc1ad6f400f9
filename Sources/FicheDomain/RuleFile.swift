/// The rule files a `RuleBook` is read from, by file name in `Sources/FicheDomain/Rules/`.
public enum RuleFile: String, Sendable, CaseIterable, Hashable {
    case absenceTypes = "absence-types.toml"
    case holidays = "holidays.toml"
    case art60Policies = "art60-policies.toml"
    case scales = "scales.toml"
    case indexation = "indexation.toml"
    case leaveEntitlements = "leave-entitlements.toml"
    case guaranteedSalary = "guaranteed-salary.toml"
    case sickLeaveCapital = "sick-leave-capital.toml"
    case workloadCosts = "workload-costs.toml"
    case retention = "retention.toml"
}
