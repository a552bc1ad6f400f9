/// A day of the week, Monday first as in ISO 8601 and Belgian calendars.
public enum Weekday: String, Codable, Sendable, CaseIterable, Hashable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 1 for Monday … 7 for Sunday.
    public var isoNumber: Int { (Weekday.allCases.firstIndex(of: self) ?? 0) + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
