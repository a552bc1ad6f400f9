import FicheDomain

/// Mutation payload: validate or reject a submitted time record (four-eyes rule on the server too).
///
/// On the wire: `{"record_id": …, "decision": "approve"}` or `{"record_id": …, "decision":
/// "reject", "reason": …}`; a rejection without a reason is refused (`review.reason_missing`).
public struct ReviewTimeRecord: Codable, Sendable, Hashable {
    public var recordID: String
    public var decision: ReviewDecision

    public init(recordID: String, decision: ReviewDecision) {
        self.recordID = recordID
        self.decision = decision
    }

    enum CodingKeys: String, CodingKey {
        case recordID = "record_id"
        case decision
        case reason
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recordID = try container.decode(String.self, forKey: .recordID)
        decision = try ReviewDecision.decode(from: container, decision: .decision, reason: .reason)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recordID, forKey: .recordID)
        try decision.encode(into: &container, decision: .decision, reason: .reason)
    }
}
