/// Who pays a day of absence: the employer (holidays, legal leave, the guaranteed salary of
/// an incapacity), the mutuality or the work-accident insurer (an incapacity after the
/// guaranteed salary, maternity), or nobody (an unpaid absence).
///
/// Article 60 counting depends on it since the 2026 unemployment reform, and the payroll export
/// can use it to tell paid from unpaid days.
public enum DayPayer: String, Codable, Sendable, CaseIterable, Hashable {
    case employer
    case mutualityOrInsurer = "mutuality_or_insurer"
    case nobody
}
