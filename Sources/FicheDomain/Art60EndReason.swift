/// Why an article 60 contract ended.
public enum Art60EndReason: String, Codable, Sendable, CaseIterable, Hashable {
    /// The qualifying target was reached: the normal end.
    case targetReached = "target_reached"
    case dismissal
    case resignation
    case mutualAgreement = "mutual_agreement"
    /// Any other end (death, transfer…), explained in the event note.
    case other
}
