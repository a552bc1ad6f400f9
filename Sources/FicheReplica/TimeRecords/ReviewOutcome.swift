import FicheDomain

/// What a review did to one record: written (with its outbox row) or refused (with the rule).
public struct ReviewOutcome: Hashable, Sendable {
    public var recordID: String
    /// The outbox row written when the review was allowed.
    public var entry: OutboxEntry?
    /// Why the review of this record was refused; nothing was written for it.
    public var violation: RuleViolation?

    public var isAllowed: Bool { entry != nil }

    public init(recordID: String, entry: OutboxEntry? = nil, violation: RuleViolation? = nil) {
        self.recordID = recordID
        self.entry = entry
        self.violation = violation
    }
}
