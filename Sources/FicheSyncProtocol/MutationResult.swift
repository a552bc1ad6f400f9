/// What became of one mutation. Stored with it, so a replayed mutation gets the same answer.
public struct MutationResult: Codable, Sendable, Hashable {
    public var mutationID: Int64
    public var uuid: String
    public var status: MutationStatus
    /// A stable code (`RuleViolation.code`, `access.denied`, `dossier.not_found`, …) when not applied.
    public var reason: String?
    /// The server's current value of the field, for a conflict (masked if the caller may not see it).
    public var serverValue: String?
    /// The change-log sequence the effects were written at; pull until the cursor reaches it.
    public var seq: Int64?

    public init(mutationID: Int64, uuid: String, status: MutationStatus, reason: String? = nil,
                serverValue: String? = nil, seq: Int64? = nil) {
        self.mutationID = mutationID
        self.uuid = uuid
        self.status = status
        self.reason = reason
        self.serverValue = serverValue
        self.seq = seq
    }

    enum CodingKeys: String, CodingKey {
        case mutationID = "mutation_id"
        case uuid
        case status
        case reason
        case serverValue = "server_value"
        case seq
    }
}
