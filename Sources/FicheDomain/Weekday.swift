/// A day of the week, Monday first as in ISO 8601 and Belgian calendars.
public enum Weekday: String, Codable, Sendable, CaseIterable, Hashable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 1 for Monday … 7 for Sunday.
    public var isoNumber: Int {
        // A switch, not `allCases.firstIndex`: day-by-day counts ask it for every day of years.
        switch self {
        case .monday: return 1
        case .tuesday: return 2
        case .wednesday: return 3
        case .thursday: return 4
        case .friday: return 5
        case .saturday: return 6
        case .sunday: return 7
        }
    }

    /// The weekday of ISO number `number` (1 for Monday … 7 for Sunday), wrapping around.
    static func iso(_ number: Int) -> Weekday {
        switch ((number - 1) % 7 + 7) % 7 {
        case 0: return .monday
        case 1: return .tuesday
        case 2: return .wednesday
        case 3: return .thursday
        case 4: return .friday
        case 5: return .saturday
        default: return .sunday
        }
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
