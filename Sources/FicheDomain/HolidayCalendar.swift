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
    public var rules: [HolidayRule] {
        didSet { days = HolidayDays() }
    }
    /// Each year's holiday dates, worked out on first use (not part of the value).
    private var days = HolidayDays()

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
        guard let index = days.ruleIndex(on: date, rules: rules) else { return nil }
        let rule = rules[index]
        return Holiday(date: date, code: rule.code, labels: rule.labels, isLegal: rule.isLegal)
    }

    /// Whether `date` is a holiday of this calendar.
    public func isHoliday(_ date: LocalDate) -> Bool { days.ruleIndex(on: date, rules: rules) != nil }

    public static func == (lhs: HolidayCalendar, rhs: HolidayCalendar) -> Bool {
        lhs.id == rhs.id && lhs.rules == rhs.rules
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(rules)
    }

    enum CodingKeys: String, CodingKey {
        case id, rules
    }
}
