/// Absence days of an article 60 worker that did not count toward the target, for one reason:
/// the absence type, who paid the days, and what they did instead (extend the reference window,
/// or nothing — `overCap` when the yearly cap of unpaid days was used up).
public struct Art60NotCounted: Hashable, Sendable, Codable {
    public var typeCode: String
    public var payer: DayPayer
    /// `.extends` or `.neither`.
    public var outcome: Art60DayOutcome
    /// The days were over the policy's yearly cap of unpaid days.
    public var overCap: Bool
    /// Contract working days (half days as 0.5).
    public var days: Double

    public init(typeCode: String, payer: DayPayer, outcome: Art60DayOutcome, overCap: Bool, days: Double) {
        self.typeCode = typeCode
        self.payer = payer
        self.outcome = outcome
        self.overCap = overCap
        self.days = days
    }
}
