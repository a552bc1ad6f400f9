/// What a reviewer decides for submitted time records.
public enum ReviewDecision: Hashable, Sendable {
    /// Validated: the records go to payroll.
    case approve
    /// Rejected, with the reason the person who entered them reads (required).
    case reject(reason: String)
}
