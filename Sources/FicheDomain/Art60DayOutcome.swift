/// What one absence day does for an article 60 worker's unemployment rights, under the policy
/// in force that day.
public enum Art60DayOutcome: String, Codable, Sendable, CaseIterable, Hashable {
    /// Counts toward the qualifying target like a worked day.
    case counts
    /// Does not count, but extends the reference window by a day (since 1 March 2026: sickness
    /// paid by the mutuality, the unpaid days, vocational training).
    case extends
    /// Neither counts nor extends the window.
    case neither
}
