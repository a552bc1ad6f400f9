/// Mutation payload: validate or reject a submitted time record (four-eyes rule on the server too).
public struct ReviewTimeRecord: Codable, Sendable, Hashable {
    public var recordID: String
    /// `approve` or `reject`.
    public var decision: String
    /// Why it is rejected: required with `reject`, ignored with `approve`.
    public var reason: String?

    public init(recordID: String, decision: String, reason: String? = nil) {
        self.recordID = recordID
        self.decision = decision
        self.reason = reason
    }

    public static let approve = "approve"
    public static let reject = "reject"

    enum CodingKeys: String, CodingKey {
        case recordID = "record_id"
        case decision
        case reason
    }
}
