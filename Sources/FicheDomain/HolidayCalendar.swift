/// The public holidays one employer applies: the ten legal days plus its extra days.
///
/// Which days apply is data (`Rules/holidays.toml`): a Brussels local authority adds
/// 8 May, 2 November, 15 November and 26 December; another employer may add others.
///
/// ```swift
/// let calendar = try ruleBook.holidayCalendar(for: commune)
/// calendar.holiday(on: try LocalDate.parse("2025-06-09"))?.code   // "whit_monday"
/// ```
public struct HolidayCalendar: Hashable, Sendable, Codable {
    /// Stable id referenced by `Employer.holidayCalendarID`.
    public var id: String
    public var rules: [HolidayRule]

    public init(id: String, rules: [HolidayRule]) {
        self.id = id
        self.rules = rules
    }

    /// The holidays of `year`, in date order.
    public func holidays(in year: Int) -> [Holiday] {
        rules.compactMap { rule in
            rule.date(in: year).map { Holiday(date: $0, code: rule.code, labels: rule.labels, isLegal: rule.isLegal) }
        }
        .sorted { $0.date < $1.date }
    }

    /// The holiday on `date`, if any.
    public func holiday(on date: LocalDate) -> Holiday? {
        var easter: LocalDate?
        for rule in rules {
            let matches: Bool
            switch rule.timing {
            case .fixed(let month, let day):
                matches = date.month == month && date.day == day
            case .easterOffset(let days):
                let sunday = easter ?? Easter.sunday(in: date.year)
                easter = sunday
                matches = sunday.adding(days: days) == date
            }
            if matches { return Holiday(date: date, code: rule.code, labels: rule.labels, isLegal: rule.isLegal) }
        }
        return nil
    }

    /// Whether `date` is a holiday in this calendar.
    public func isHoliday(_ date: LocalDate) -> Bool { holiday(on: date) != nil }
}
