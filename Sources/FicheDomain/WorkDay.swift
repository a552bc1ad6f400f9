/// What part of a given weekday a schedule works: nothing, a half day, or the whole day.
public enum WorkDay: String, Codable, Sendable, CaseIterable, Hashable {
    case off
    case morning
    case afternoon
    case full

    /// Half days worked as a bit set: 1 = morning, 2 = afternoon.
    var halves: Int {
        switch self {
        case .off: return 0
        case .morning: return 1
        case .afternoon: return 2
        case .full: return 3
        }
    }

    /// Days worked: 0, 0.5 or 1.
    public var days: Double { Double(halves.nonzeroBitCount) / 2 }
}
