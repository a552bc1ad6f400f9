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
