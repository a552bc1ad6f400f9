/// A public holiday on a given date.
public struct Holiday: Hashable, Sendable, Codable {
    public var date: LocalDate
    public var code: String
    public var labels: Labels
    public var isLegal: Bool
    /// For a replacement day, the date of the weekend holiday it replaces (`WeekendReplacement`);
    /// `code` and `isLegal` are that holiday's.
    public var replaces: LocalDate?

    public init(date: LocalDate, code: String, labels: Labels, isLegal: Bool, replaces: LocalDate? = nil) {
        self.date = date
        self.code = code
        self.labels = labels
        self.isLegal = isLegal
        self.replaces = replaces
    }
}
