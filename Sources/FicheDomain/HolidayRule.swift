import FicheTOML

/// How to find one public holiday in any year: a fixed day, or a distance from Easter Sunday.
public struct HolidayRule: Hashable, Sendable, Codable {
    /// When the holiday falls.
    public enum Timing: Hashable, Sendable, Codable {
        /// Same month and day every year (1 May, 21 July…).
        case fixed(month: Int, day: Int)
        /// Days after Easter Sunday (1 = Easter Monday, 39 = Ascension, 50 = Whit Monday).
        case easterOffset(days: Int)
    }

    /// Stable code (`new_year`, `easter_monday`, `brussels_region_day`…).
    public var code: String
    public var labels: Labels
    public var timing: Timing
    /// One of the ten legal holidays (loi du 4 janvier 1974), as opposed to an employer's extra day.
    public var isLegal: Bool

    public init(code: String, labels: Labels, timing: Timing, isLegal: Bool) {
        self.code = code
        self.labels = labels
        self.timing = timing
        self.isLegal = isLegal
    }

    /// The date of this holiday in `year`, or `nil` for a fixed day missing that year (29 February).
    public func date(in year: Int) -> LocalDate? {
        switch timing {
        case .fixed(let month, let day):
            return LocalDate(year: year, month: month, day: day)
        case .easterOffset(let days):
            return Easter.sunday(in: year).adding(days: days)
        }
    }
}

extension HolidayRule {
    /// Reads one `[[holiday]]` entry of `Rules/holidays.toml`: `month` + `day`, or `easter_offset`.
    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["code", "labels", "legal", "month", "day", "easter_offset"], in: "[[holiday]]")
        let timing: Timing
        if let offset = try table.optionalInteger("easter_offset") {
            guard table["month"] == nil, table["day"] == nil else {
                throw table.error("give either month + day or easter_offset, not both", at: "easter_offset")
            }
            timing = .easterOffset(days: offset)
        } else {
            let month = try table.integer("month")
            let day = try table.integer("day")
            guard LocalDate(year: 2000, month: month, day: day) != nil else {
                throw table.error("day \(day) of month \(month) does not exist", at: "day")
            }
            timing = .fixed(month: month, day: day)
        }
        self.init(code: try table.string("code"), labels: try Labels(table: table.table("labels")), timing: timing,
                  isLegal: try table.boolean("legal"))
    }
}
