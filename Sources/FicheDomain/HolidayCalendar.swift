/// The public holidays one employer applies: the ten legal days plus its extra days.
///
/// Which days apply is data (`Rules/holidays.toml`): a Brussels local authority adds
/// 8 May, 2 November, 15 November and 26 December; another employer may add others. A
/// holiday on a Saturday or a Sunday gives a replacement day when the calendar says so
/// (`WeekendReplacement`): that day is a holiday of the calendar like the others.
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
    /// How a holiday on a weekend is replaced; `nil`: it is not.
    public var weekendReplacement: WeekendReplacement? {
        didSet { days = HolidayDays() }
    }
    /// Each year's holiday dates, worked out on first use (not part of the value).
    private var days = HolidayDays()

    public init(id: String, rules: [HolidayRule], weekendReplacement: WeekendReplacement? = nil) {
        self.id = id
        self.rules = rules
        self.weekendReplacement = weekendReplacement
    }

    /// The holidays of `year`, replacement days included, in date order.
    public func holidays(in year: Int) -> [Holiday] {
        days.days(in: year, rules: rules, replacement: weekendReplacement)
            .map { holiday(LocalDate(dayNumber: $0.key), $0.value) }
            .sorted { ($0.date, $0.code) < ($1.date, $1.code) }
    }

    /// The holiday on `date`, if any.
    public func holiday(on date: LocalDate) -> Holiday? {
        days.day(on: date, rules: rules, replacement: weekendReplacement).map { holiday(date, $0) }
    }

    /// Whether `date` is a holiday of this calendar.
    public func isHoliday(_ date: LocalDate) -> Bool {
        days.day(on: date, rules: rules, replacement: weekendReplacement) != nil
    }

    /// The day numbers (`LocalDate.dayNumber`) of the holidays of `year`, for loops that walk
    /// day by day and ask once per year rather than once per day.
    func holidayDayNumbers(in year: Int) -> [Int: HolidayDays.Day] {
        days.days(in: year, rules: rules, replacement: weekendReplacement)
    }

    private func holiday(_ date: LocalDate, _ day: HolidayDays.Day) -> Holiday {
        let rule = rules[day.rule]
        guard let replaced = day.replaces else {
            return Holiday(date: date, code: rule.code, labels: rule.labels, isLegal: rule.isLegal)
        }
        let suffix = weekendReplacement?.labels ?? Labels(fr: "", nl: "", en: "")
        let labels = Labels(fr: "\(rule.labels.fr) (\(suffix.fr))", nl: "\(rule.labels.nl) (\(suffix.nl))",
                            en: "\(rule.labels.en) (\(suffix.en))")
        return Holiday(date: date, code: rule.code, labels: labels, isLegal: rule.isLegal,
                       replaces: LocalDate(dayNumber: replaced))
    }

    public static func == (lhs: HolidayCalendar, rhs: HolidayCalendar) -> Bool {
        lhs.id == rhs.id && lhs.rules == rhs.rules && lhs.weekendReplacement == rhs.weekendReplacement
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(rules)
        hasher.combine(weekendReplacement)
    }

    enum CodingKeys: String, CodingKey {
        case id, rules, weekendReplacement
    }
}
