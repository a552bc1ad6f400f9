import FicheDomain

/// Why an art. 60 contract is on the follow-up cell's watch list.
public enum Art60WatchReason: Hashable, Sendable {
    /// The contract ends (its end date, else its planned end) on this date, within the window.
    case ending(on: LocalDate)
    /// The qualifying target is projected to be reached on this date, within the window.
    case targetSoon(on: LocalDate)
    /// The qualifying target was reached on this date: the contract can end normally.
    case targetReached(on: LocalDate)

    /// The date the reason is about.
    public var date: LocalDate {
        switch self {
        case .ending(let date), .targetSoon(let date), .targetReached(let date): return date
        }
    }
}
