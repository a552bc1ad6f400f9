import FicheDomain

/// One line of the audit trail: who changed what, when, at which employer, old → new.
public struct AuditEntry: Hashable, Sendable {
    public var id: Int64
    /// ISO 8601, UTC.
    public var at: String
    public var userID: String
    public var employerCode: String
    /// The mutation's name, e.g. `recordAbsence`.
    public var action: String
    public var entity: String
    public var targetID: String
    public var changes: [String: FieldChange]
    /// The outbox row written in the same transaction.
    public var mutationID: Int64?

    public init(id: Int64, at: String, userID: String, employerCode: String, action: String, entity: String,
                targetID: String, changes: [String: FieldChange], mutationID: Int64?) {
        self.id = id
        self.at = at
        self.userID = userID
        self.employerCode = employerCode
        self.action = action
        self.entity = entity
        self.targetID = targetID
        self.changes = changes
        self.mutationID = mutationID
    }
}
