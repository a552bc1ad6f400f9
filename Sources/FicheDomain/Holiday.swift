/// A public holiday on a given date.
public struct Holiday: Hashable, Sendable, Codable {
    public var date: LocalDate
    public var code: String
    public var labels: Labels
    public var isLegal: Bool

    public init(date: LocalDate, code: String, labels: Labels, isLegal: Bool) {
        self.date = date
        self.code = code
        self.labels = labels
        self.isLegal = isLegal
    }
}
