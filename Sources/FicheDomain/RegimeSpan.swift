/// A stretch of a month worked under one regime (a payroll month may hold several).
public struct RegimeSpan: Hashable, Sendable, Codable {
    public var start: LocalDate
    public var end: LocalDate
    public var regime: RegimeFraction
    public var grade: String
    public var scale: String

    public init(start: LocalDate, end: LocalDate, regime: RegimeFraction, grade: String, scale: String) {
        self.start = start
        self.end = end
        self.regime = regime
        self.grade = grade
        self.scale = scale
    }
}
