/// How one statutory worker's sick days use the sick-leave capital, and which half days fall
/// past it (paid the waiting allowance).
///
/// The service seniority runs from the first day of the earliest career period of a category
/// in `rule.seniorityCategories`; the capital on a day is `rule.capitalDays(serviceMonths:)` for
/// the full months of service that day. The career is walked in date order: each scheduled
/// half day (a morning or an afternoon of the day's schedule; a whole day on a mornings-only
/// week is one half) covered by a record of a deducted type, on a day the worker is of a
/// category with a capital, uses half a day of it while some is left, and is paid the waiting
/// allowance once none is. A public holiday is no working day and uses nothing; inside an
/// absence past the capital it is paid the waiting allowance too. Days under a category
/// without a capital (a contract before the appointment) use nothing. A career without a
/// period of a seniority category has no seniority: nothing is counted.
///
/// ```swift
/// let capital = SickLeaveCapital(rule: rules.sickLeaveCapital, career: career, category: .statutory,
///                                calendar: calendar, records: validatedRecords)
/// capital.capitalDays(on: date("2026-11-02"))           // 63: hired in 2024
/// capital.waitingAllowanceHalves(on: date("2026-11-02")) // 3: both halves past the capital
/// ```
public struct SickLeaveCapital: Hashable, Sendable {
    public let rule: SickLeaveCapitalRule
    /// The first day of service the seniority counts from; `nil` without one.
    public let serviceStart: LocalDate?
    /// Half days (bit set: 1 morning, 2 afternoon) paid the waiting allowance, by day number.
    private let waiting: [Int: Int]
    /// Each day (number) with a half day taken from the capital, in order, and the half days
    /// used up to its end.
    private let usedDays: [Int]
    private let usedHalves: [Int]

    /// - Parameters:
    ///   - category: the dossier's category, for days no career period covers.
    ///   - records: the dossier's records that count (validated ones for the payroll), over the
    ///     whole career: every earlier sick day uses the capital.
    public init(rule: SickLeaveCapitalRule, career: Career, category: StaffCategory, calendar: WorkCalendar,
                records: [TimeRecord]) {
        self.rule = rule
        let start = career.periods.filter { rule.seniorityCategories.contains($0.category) }.map(\.start).min()
        serviceStart = start
        guard let start else {
            waiting = [:]
            usedDays = []
            usedHalves = []
            return
        }
        var waiting: [Int: Int] = [:]
        var usedDays: [Int] = [], usedHalves: [Int] = []
        var used = 0
        for scheduled in ScheduledAbsenceHalves.days(of: records, types: Set(rule.deductedTypes), from: start,
                                                     categories: rule.categories, career: career, category: category,
                                                     calendar: calendar) {
            let date = scheduled.date, day = date.dayNumber, halves = scheduled.halves
            let capital = 2 * rule.capitalDays(serviceMonths: Self.fullMonths(from: start, to: date))
            if scheduled.isHoliday {
                if used >= capital { waiting[day] = halves }
                continue
            }
            var past = 0
            for half in [1, 2] where halves & half != 0 {
                if used < capital { used += 1 } else { past |= half }
            }
            if past != 0 { waiting[day] = past }
            usedDays.append(day)
            usedHalves.append(used)
        }
        self.waiting = waiting
        self.usedDays = usedDays
        self.usedHalves = usedHalves
    }

    /// The half days of `date` (1 morning, 2 afternoon, 3 both) paid the waiting allowance.
    public func waitingAllowanceHalves(on date: LocalDate) -> Int {
        waiting[date.dayNumber] ?? 0
    }

    /// The capital on `date`, in working days; `nil` without a first day of service.
    public func capitalDays(on date: LocalDate) -> Int? {
        serviceStart.map { rule.capitalDays(serviceMonths: Self.fullMonths(from: $0, to: date)) }
    }

    /// Working days of the capital used up to the end of `date` (half days count 0.5).
    public func usedDays(through date: LocalDate) -> Double {
        var low = 0, high = usedDays.count
        while low < high {
            let middle = (low + high) / 2
            if usedDays[middle] <= date.dayNumber { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : Double(usedHalves[low - 1]) / 2
    }

    /// Full months from `start` to `date`: the most `n` with `start` + `n` months on or before
    /// `date` (hired on 1 January 2020: 12 months on 1 January 2021; `LocalDate.adding(months:)`
    /// clamps the 31st to a shorter month's last day).
    static func fullMonths(from start: LocalDate, to date: LocalDate) -> Int {
        guard date >= start else { return 0 }
        var months = (date.year - start.year) * 12 + (date.month - start.month)
        while months > 0 && start.adding(months: months) > date { months -= 1 }
        return months
    }
}
