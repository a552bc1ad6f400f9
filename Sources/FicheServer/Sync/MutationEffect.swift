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
}
