import Foundation

/// The holiday dates of a calendar, worked out once per year and kept: the day-by-day counts
/// (art. 60 progress, payroll days, certificates) ask about every day of several years for
/// each worker, and working the rules out again for each day (Easter included) was most of
/// their time. Shared by the copies of one `HolidayCalendar`; safe to use from any thread.
final class HolidayDays: @unchecked Sendable {
    private let lock = NSLock()
    /// Year → the day numbers (`LocalDate.dayNumber`) of its holidays and the rule of each.
    private var years: [Int: [Int: Int]] = [:]

    /// The index in `rules` of the rule that falls on `date`, if any.
    func ruleIndex(on date: LocalDate, rules: [HolidayRule]) -> Int? {
        let year = date.year
        if let known = lock.withLock({ years[year] }) { return known[date.dayNumber] }
        var days: [Int: Int] = [:]
        for (index, rule) in rules.enumerated() {
            guard let day = rule.date(in: year) else { continue }
            if days[day.dayNumber] == nil { days[day.dayNumber] = index }
        }
        lock.withLock { years[year] = days }
        return days[date.dayNumber]
    }
}
