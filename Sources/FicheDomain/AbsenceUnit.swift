/// The smallest unit an absence type may be entered in.
public enum AbsenceUnit: String, Codable, Sendable, CaseIterable, Hashable {
    /// Whole days only (sickness, maternity…).
    case day
    /// Whole days or half days (annual leave…).
    case halfDay = "half_day"
    /// A time range within one day, in minutes (training hours, lateness, overtime).
    case hour
}
