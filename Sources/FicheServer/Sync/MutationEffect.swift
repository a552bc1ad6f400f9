import FicheSyncProtocol

/// What applying one mutation decided, before it is written.
struct MutationEffect {
    var status: MutationStatus
    var reason: String? = nil
    var serverValue: String? = nil
    /// Rows to log; each entry's `table` gets its `version` set to the new sequence.
    var changes: [LoggedChange] = []
    var audit: [AuditLog.Entry] = []

    static let noOp = MutationEffect(status: .applied)

    /// Refused for want of a right: `access.denied`, and the attempt in the audit.
    static func denied(_ action: String, employer: String, entity: String, id: String, field: String? = nil) -> MutationEffect {
        MutationEffect(status: .rejected, reason: "access.denied", audit: [
            .init(action: action, decision: "denied access.denied", employerCode: employer, entity: entity, entityID: id,
                  field: field)])
    }
}
