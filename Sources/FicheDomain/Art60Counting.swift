/// How an absence type counts toward the qualifying days of an article 60 worker.
public enum Art60Counting: String, Codable, Sendable, CaseIterable, Hashable {
    /// Counts like a worked day (sickness, work accident, holidays, compensatory rest…).
    case counts
    /// An unpaid absence: counts up to the policy's yearly cap (10 days per calendar year).
    case unpaidCapped = "unpaid_capped"
    /// Does not count.
    case none
}
