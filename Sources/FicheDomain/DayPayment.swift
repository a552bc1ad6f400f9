/// How the payroll pays one absence day: the employer's salary (leave, holidays, a statutory
/// worker's sick leave), the employer's guaranteed salary (the first days of a contract
/// worker's incapacity), the mutuality or the work-accident insurer, or nobody.
///
/// `AbsencePayers` decides it day by day; `PayrollVariables` counts the days by it.
public enum DayPayment: String, Codable, Sendable, CaseIterable, Hashable {
    case salary
    case guaranteedSalary = "guaranteed_salary"
    case mutualityOrInsurer = "mutuality_or_insurer"
    case nobody

    /// Who pays: the employer for the salary and the guaranteed salary.
    public var payer: DayPayer {
        switch self {
        case .salary, .guaranteedSalary: return .employer
        case .mutualityOrInsurer: return .mutualityOrInsurer
        case .nobody: return .nobody
        }
    }
}
