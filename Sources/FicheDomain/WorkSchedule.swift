/// The weekly pattern a part-time or full-time regime works, Monday to Sunday.
///
/// A 4/5 regime with Wednesday off, a half-time regime worked in the mornings: the regime
/// fraction alone does not say which days count, the schedule does.
///
/// ```swift
/// let fourFifths = try WorkSchedule(monday: .full, tuesday: .full, wednesday: .off,
///                                   thursday: .full, friday: .full)
/// fourFifths.regime   // 80 %
/// ```
public struct WorkSchedule: Hashable, Sendable {
    /// Seven entries, Monday first.
    public let pattern: [WorkDay]

    /// Monday to Friday, full days.
    public static let fullTime = WorkSchedule(uncheckedPattern: [.full, .full, .full, .full, .full, .off, .off])

    init(uncheckedPattern: [WorkDay]) { self.pattern = uncheckedPattern }

    /// Creates a schedule from seven weekdays, Monday first; at least one half day must be worked.
    public init(pattern: [WorkDay]) throws(RuleViolation) {
        guard pattern.count == 7 else { throw .scheduleInvalid(reason: "7 weekdays expected, got \(pattern.count)") }
        guard pattern.contains(where: { $0 != .off }) else { throw .scheduleInvalid(reason: "no working day") }
        self.pattern = pattern
    }

    /// Creates a schedule weekday by weekday; weekend days default to off.
    public init(monday: WorkDay, tuesday: WorkDay, wednesday: WorkDay, thursday: WorkDay, friday: WorkDay,
                saturday: WorkDay = .off, sunday: WorkDay = .off) throws(RuleViolation) {
        try self.init(pattern: [monday, tuesday, wednesday, thursday, friday, saturday, sunday])
    }

    /// The usual schedule for a regime: 100 % Monday–Friday, 90 % Friday afternoon off,
    /// 80 % Wednesday off, 60 % Monday–Wednesday, 50 % every morning.
    ///
    /// - Throws: `RuleViolation.scheduleInvalid` when no usual schedule exists (e.g. 75 %):
    ///   the clerk must enter the pattern.
    public static func usual(for regime: RegimeFraction) throws(RuleViolation) -> WorkSchedule {
        switch regime.thousandths {
        case 1000: return .fullTime
        case 900: return try WorkSchedule(monday: .full, tuesday: .full, wednesday: .full, thursday: .full, friday: .morning)
        case 800: return try WorkSchedule(monday: .full, tuesday: .full, wednesday: .off, thursday: .full, friday: .full)
        case 600: return try WorkSchedule(monday: .full, tuesday: .full, wednesday: .full, thursday: .off, friday: .off)
        case 500: return try WorkSchedule(monday: .morning, tuesday: .morning, wednesday: .morning, thursday: .morning, friday: .morning)
        default: throw .scheduleInvalid(reason: "no usual schedule for \(regime); enter the weekly pattern")
        }
    }

    /// What is worked on `weekday`.
    public func workDay(on weekday: Weekday) -> WorkDay {
        pattern[weekday.isoNumber - 1]
    }

    /// Days worked per week (5 for full time, 4 for 4/5, 2.5 for half-time mornings).
    public var daysPerWeek: Double { pattern.reduce(0) { $0 + $1.days } }

    /// The regime this schedule amounts to, taking five full days as 100 %.
    public var regime: RegimeFraction {
        let halves = pattern.reduce(0) { $0 + $1.halves.nonzeroBitCount }
        return RegimeFraction(uncheckedThousandths: min(1000, halves * 100))
    }
}

extension WorkSchedule: Codable {
    /// Decodes seven weekday values, Monday first (`["full","full","off","full","full","off","off"]`).
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let pattern = try container.decode([WorkDay].self)
        do {
            try self.init(pattern: pattern)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }
}
