/// An amount of leave, kept in minutes of a full-time working day (7 h 36 is one day) so that
/// whole days, half days and hours add up exactly.
///
/// ```swift
/// LeaveDays(halfDays: 3).text          // "1.5"
/// LeaveDays(minutes: 120).text         // "0.26" (two hours)
/// ```
public struct LeaveDays: Hashable, Sendable, Comparable, Codable {
    /// Minutes of one day of leave: the full day of a full-time 38-hour week.
    public static let minutesPerDay = TimeSheet.fullDayMinutes
    public static let zero = LeaveDays(minutes: 0)

    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// `count` half days (a day is two).
    public init(halfDays count: Int) { minutes = count * Self.minutesPerDay / 2 }

    /// `days` working days as `WorkCalendar` counts them (0.5 for a half day).
    public init(days: Double) { minutes = Int((days * Double(Self.minutesPerDay)).rounded()) }

    /// The amount in days.
    public var days: Double { Double(minutes) / Double(Self.minutesPerDay) }

    /// The days with at most two decimals and a point ("21", "12.5", "0.26", "-2"), as rule
    /// messages carry them; the app shows them with the user's decimal separator.
    public var text: String {
        let hundredths = Int((days * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        if fraction == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
    }

    public static func + (lhs: LeaveDays, rhs: LeaveDays) -> LeaveDays { LeaveDays(minutes: lhs.minutes + rhs.minutes) }
    public static func - (lhs: LeaveDays, rhs: LeaveDays) -> LeaveDays { LeaveDays(minutes: lhs.minutes - rhs.minutes) }
    public static func < (lhs: LeaveDays, rhs: LeaveDays) -> Bool { lhs.minutes < rhs.minutes }
}
