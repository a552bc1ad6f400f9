/// The dated career periods of one dossier, in order, never overwritten.
///
/// ```swift
/// let career = try Career(periods: [hired]).opening(promotedToB2)
/// career.period(on: someDate)?.grade
/// ```
public struct Career: Hashable, Sendable, Codable {
    /// Periods in start order; only the last may be open-ended.
    public private(set) var periods: [CareerPeriod]

    /// Creates a career from stored periods (sorted by start).
    public init(periods: [CareerPeriod]) {
        self.periods = periods.sorted { $0.start < $1.start }
    }

    /// A new career with `period` opened: the current period is closed the day before.
    ///
    /// - Throws: `RuleViolation.careerPeriodBackdated` when `period` starts on or before
    ///   the latest start: history is corrected by a new period, not by rewriting one.
    public func opening(_ period: CareerPeriod) throws(RuleViolation) -> Career {
        var periods = self.periods
        if let last = periods.last {
            guard period.start > last.start else {
                throw .careerPeriodBackdated(start: period.start, latestStart: last.start)
            }
            if last.end == nil || (last.end.map { $0 >= period.start } ?? false) {
                periods[periods.count - 1].end = period.start.adding(days: -1)
            }
        }
        periods.append(period)
        return Career(periods: periods)
    }

    /// The period covering `date`, if employed then.
    public func period(on date: LocalDate) -> CareerPeriod? {
        periods.last { $0.contains(date) }
    }

    /// The current (last) period.
    public var current: CareerPeriod? { periods.last }
}
