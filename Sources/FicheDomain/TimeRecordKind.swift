/// What a time record says about a day.
public enum TimeRecordKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Absent for a day, half day or some hours (type from the absence catalogue).
    case absence
    /// Clocked in and out (flexible hours).
    case clocking
    /// Arrived late, in minutes.
    case lateness
    /// Worked extra, in minutes.
    case overtime
}
