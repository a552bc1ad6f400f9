/// Whether a given absence needs a medical certificate, as decided by its type's rule.
public enum CertificateRequirement: Hashable, Sendable {
    /// The type never needs one.
    case notRequired
    /// A one-day absence covered by the yearly first-day exemption; `used` counts this one.
    case exemptFirstDay(used: Int, allowed: Int)
    /// Needed, due by this date.
    case required(dueBy: LocalDate)
    /// Needed and received.
    case received
}
