/// The part of a day an absence covers.
///
/// A morning and an afternoon absence on the same date do not overlap; a full day overlaps both.
public enum DayPart: String, Codable, Sendable, CaseIterable, Hashable {
    case full
    case morning
    case afternoon

    /// Half days covered as a bit set: 1 = morning, 2 = afternoon.
    var halves: Int {
        switch self {
        case .full: return 3
        case .morning: return 1
        case .afternoon: return 2
        }
    }

    /// Minutes of the day covered, for comparing with hour-based records (noon splits the day).
    var minuteRange: Range<Int> {
        switch self {
        case .full: return 0..<1440
        case .morning: return 0..<720
        case .afternoon: return 720..<1440
        }
    }
}
