/// Which half days of one dossier's absences of a type the employer pays under the type's
/// `EmployerDaysRule` (the first 3 days of each birth's leave of a contract worker).
///
/// The records of the type are walked in date order: each scheduled half day (a morning or an
/// afternoon of the day's schedule) they cover, on a day the worker is of a category of the rule,
/// belongs to the current event, or opens a new one when it is more than `windowMonths` months
/// after the current event's first day; the first `2 × days` half days of an event are the
/// employer's. A public holiday is no working day: it uses none of the days, and is the
/// employer's while some of them are left.
///
/// ```swift
/// let payer = EmployerDaysPayer(rule: threeDays, typeCode: "birth_leave", career: career,
///                               category: .contractual, calendar: calendar, records: records)
/// payer.employerHalves(on: date("2026-09-03"))   // 3: the third day, the employer's
/// payer.employerHalves(on: date("2026-09-04"))   // 0: the mutuality's
/// ```
public struct EmployerDaysPayer: Hashable, Sendable {
    public let rule: EmployerDaysRule
    /// The first day of each event (birth), in order.
    public let eventStarts: [LocalDate]
    /// Half days (bit set: 1 morning, 2 afternoon) the employer pays, by day number.
    private let employer: [Int: Int]

    /// - Parameters:
    ///   - category: the dossier's category, for days no career period covers.
    ///   - records: the dossier's records that count; those of other types are ignored.
    public init(rule: EmployerDaysRule, typeCode: String, career: Career, category: StaffCategory,
                calendar: WorkCalendar, records: [TimeRecord]) {
        self.rule = rule
        var employer: [Int: Int] = [:]
        var starts: [LocalDate] = []
        var windowEnd: LocalDate?
        var used = 0
        for scheduled in ScheduledAbsenceHalves.days(of: records, types: [typeCode], categories: rule.categories,
                                                     career: career, category: category, calendar: calendar) {
            let date = scheduled.date, day = date.dayNumber, halves = scheduled.halves
            if windowEnd.map({ date > $0 }) ?? true {
                starts.append(date)
                windowEnd = date.adding(months: rule.windowMonths)
                used = 0
            }
            if scheduled.isHoliday {
                if used < 2 * rule.days { employer[day] = halves }
                continue
            }
            var paid = 0
            for half in [1, 2] where halves & half != 0 && used < 2 * rule.days {
                used += 1
                paid |= half
            }
            if paid != 0 { employer[day] = paid }
        }
        self.employer = employer
        eventStarts = starts
    }

    /// The half days of `date` (1 morning, 2 afternoon, 3 both) the employer pays.
    public func employerHalves(on date: LocalDate) -> Int {
        employer[date.dayNumber] ?? 0
    }
}
