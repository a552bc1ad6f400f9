import Foundation

/// The holiday dates of a calendar, worked out once per year and kept: the day-by-day counts
/// (art. 60 progress, payroll days, certificates) ask about every day of several years for
/// each worker, and working the rules out again for each day (Easter included) was most of
/// their time. Shared by the copies of one `HolidayCalendar`; safe to use from any thread.
final class HolidayDays: @unchecked Sendable {
    /// One holiday date: the rule it comes from, and for a replacement day the day number of
    /// the weekend holiday it replaces.
    struct Day: Hashable {
        var rule: Int
        var replaces: Int?
    }

    private let lock = NSLock()
    /// Year → the day numbers (`LocalDate.dayNumber`) of its holidays and what each is.
    private var years: [Int: [Int: Day]] = [:]

    /// The holiday on `date`, if any.
    func day(on date: LocalDate, rules: [HolidayRule], replacement: WeekendReplacement?) -> Day? {
        days(in: date.year, rules: rules, replacement: replacement)[date.dayNumber]
    }

    /// Every holiday of `year`, replacement days included, by day number.
    func days(in year: Int, rules: [HolidayRule], replacement: WeekendReplacement?) -> [Int: Day] {
        if let known = lock.withLock({ years[year] }) { return known }
        var days: [Int: Day] = [:]
        for (index, rule) in rules.enumerated() {
            guard let day = rule.date(in: year) else { continue }
            if days[day.dayNumber] == nil { days[day.dayNumber] = Day(rule: index) }
        }
        if let replacement {
            // A holiday late in the year before could be replaced early in this one.
            for holidayYear in [year - 1, year] {
                for (date, entry) in Self.replacements(in: holidayYear, rules: rules, replacement: replacement)
                where date.year == year && days[date.dayNumber] == nil {
                    days[date.dayNumber] = entry
                }
            }
        }
        lock.withLock { years[year] = days }
        return days
    }

    /// The replacement days of the weekend holidays of `year`, in date order: each the first
    /// weekday after its holiday that is no holiday (of this year or the next) and no earlier
    /// replacement day.
    private static func replacements(in year: Int, rules: [HolidayRule],
                                     replacement: WeekendReplacement) -> [(LocalDate, Day)] {
        var taken = Set<Int>()
        var dated: [(date: LocalDate, rule: Int)] = []
        for (index, rule) in rules.enumerated() {
            if let date = rule.date(in: year) {
                taken.insert(date.dayNumber)
                dated.append((date, index))
            }
            if let next = rule.date(in: year + 1) { taken.insert(next.dayNumber) }
        }
        var result: [(LocalDate, Day)] = []
        for holiday in dated.sorted(by: { ($0.date, $0.rule) < ($1.date, $1.rule) })
        where holiday.date.weekday.isWeekend && replacement.replaces(rules[holiday.rule]) {
            var candidate = holiday.date.adding(days: 1)
            while candidate.weekday.isWeekend || taken.contains(candidate.dayNumber) {
                candidate = candidate.adding(days: 1)
            }
            taken.insert(candidate.dayNumber)
            result.append((candidate, Day(rule: holiday.rule, replaces: holiday.date.dayNumber)))
        }
        return result
    }
}
