/// Who pays each day of a contract worker's incapacities (sickness, accident): the employer
/// for the guaranteed salary, the mutuality or the insurer after it.
///
/// Incapacities that touch or overlap are one incapacity. The guaranteed salary covers the
/// first `calendarDays` calendar days (30); an incapacity starting within `relapseDays` days
/// (14) of the end of the previous one continues its guaranteed period instead of opening a
/// new one (Fiche stores no diagnosis, so every such case is taken as a relapse).
///
/// ```swift
/// let payer = SicknessPayer(rule: rules.guaranteedSalary,
///                           incapacities: [date("2026-05-04")...date("2026-06-26")])
/// payer.payer(on: date("2026-06-02"))   // .employer (30th day)
/// payer.payer(on: date("2026-06-03"))   // .mutualityOrInsurer
/// payer.payer(on: date("2026-07-01"))   // nil: not an incapacity day
/// ```
public struct SicknessPayer: Hashable, Sendable {
    /// One continuous incapacity and the last day the employer pays (before `start` when none).
    public struct Spell: Hashable, Sendable {
        public var start: LocalDate
        public var end: LocalDate
        public var employerPaysUntil: LocalDate
    }

    public let rule: GuaranteedSalaryRule
    /// The incapacities merged into continuous spells, by start date.
    public let spells: [Spell]

    /// - Parameter incapacities: the days of each incapacity record, in any order.
    public init(rule: GuaranteedSalaryRule, incapacities: [ClosedRange<LocalDate>]) {
        self.rule = rule
        var merged: [ClosedRange<LocalDate>] = []
        for range in incapacities.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
            if let last = merged.last, range.lowerBound <= last.upperBound.adding(days: 1) {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var spells: [Spell] = []
        var used = 0
        var previousEnd: LocalDate?
        for range in merged {
            if let previousEnd, range.lowerBound <= previousEnd.adding(days: rule.relapseDays) {
                // A relapse: the guaranteed period goes on where it stopped.
            } else {
                used = 0
            }
            let length = range.lowerBound.days(to: range.upperBound) + 1
            let guaranteed = min(length, max(0, rule.calendarDays - used))
            used += guaranteed
            spells.append(Spell(start: range.lowerBound, end: range.upperBound,
                                employerPaysUntil: range.lowerBound.adding(days: guaranteed - 1)))
            previousEnd = range.upperBound
        }
        self.spells = spells
    }

    /// Who pays `date`, or `nil` when it is not a day of incapacity.
    public func payer(on date: LocalDate) -> DayPayer? {
        var low = 0, high = spells.count
        while low < high {
            let middle = (low + high) / 2
            if spells[middle].end < date { low = middle + 1 } else { high = middle }
        }
        guard low < spells.count, spells[low].start <= date else { return nil }
        return date <= spells[low].employerPaysUntil ? .employer : .mutualityOrInsurer
    }
}
