/// How the payroll pays one absence day: the employer's salary (leave, holidays, a statutory
/// worker's sick leave within the capital), the employer's guaranteed salary (the first days of
/// a contract worker's incapacity), the employer's waiting allowance (a statutory worker's sick
/// day past the capital, "en disponibilité pour maladie"), the mutuality or the work-accident
/// insurer, or nobody.
///
/// `AbsencePayers` decides it day by day; `PayrollVariables` counts the days by it.
public enum DayPayment: String, Codable, Sendable, CaseIterable, Hashable {
    case salary
    case guaranteedSalary = "guaranteed_salary"
    case waitingAllowance = "waiting_allowance"
    case mutualityOrInsurer = "mutuality_or_insurer"
    case nobody

    /// Who pays: the employer for the salary, the guaranteed salary and the waiting allowance.
    public var payer: DayPayer {
        switch self {
        case .salary, .guaranteedSalary, .waitingAllowance: return .employer
        case .mutualityOrInsurer: return .mutualityOrInsurer
        case .nobody: return .nobody
        }
    }

    /// Whether the day is paid the full salary (salary, guaranteed salary): a public holiday
    /// inside it is paid as a holiday; inside any other absence it counts with the absence.
    public var paysFullSalary: Bool {
        self == .salary || self == .guaranteedSalary
    }
}
