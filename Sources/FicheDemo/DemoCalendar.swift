import FicheDomain

/// The two years the demo covers, day by day: ISO text, weekday, and each demo employer's
/// public holidays from its calendar in the bundled rules. Writers use `iso(_:)` to format
/// millions of dates without building a string each time.
public struct DemoCalendar: Sendable {
    /// The first day the time records cover.
    public let firstDay: LocalDate
    /// How many days they cover.
    public let dayCount: Int
    /// ISO text of every day, by offset from `firstDay`.
    let isoDays: [String]
    /// Weekday of each offset: 0 is Monday, 5 and 6 the weekend.
    let weekdays: [Int]
    /// Offsets of the public holidays, by employer code.
    let holidays: [String: Set<Int>]

    init(firstDay: LocalDate, dayCount: Int, employers: [Employer]) throws {
        self.firstDay = firstDay
        self.dayCount = dayCount
        isoDays = (0..<dayCount).map { firstDay.adding(days: $0).iso }
        weekdays = (0..<dayCount).map { ((firstDay.dayNumber + $0) % 7 + 7 + 3) % 7 }
        let rules = try RuleBook.bundled()
        var holidays: [String: Set<Int>] = [:]
        for employer in employers {
            let calendar = try rules.holidayCalendar(for: employer)
            holidays[employer.code] = Set((0..<dayCount).filter { calendar.isHoliday(firstDay.adding(days: $0)) })
        }
        self.holidays = holidays
    }

    /// `date` as `YYYY-MM-DD`, from the table when it falls within the two years.
    public func iso(_ date: LocalDate) -> String {
        let offset = date.dayNumber - firstDay.dayNumber
        return offset >= 0 && offset < dayCount ? isoDays[offset] : date.iso
    }

    /// The day at `offset` from `firstDay`.
    func day(_ offset: Int) -> LocalDate { firstDay.adding(days: offset) }
}
