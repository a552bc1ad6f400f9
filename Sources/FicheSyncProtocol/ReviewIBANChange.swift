import FicheDomain

/// Mutation payload: a second person confirms (or refuses, with a reason) the new IBAN waiting on
/// a dossier; `iban` is the account they were shown, so a change made meanwhile is not confirmed
/// unseen. `{"dossier_id": …, "iban": …, "decision": "approve"}` or with `"reject"` and `"reason"`.
public struct ReviewIBANChange: Codable, Sendable, Hashable {
    public var dossierID: String
    public var iban: String
    public var decision: ReviewDecision

    public init(dossierID: String, iban: String, decision: ReviewDecision) {
        self.dossierID = dossierID
        self.iban = iban
        self.decision = decision
    }

    enum CodingKeys: String, CodingKey {
        case dossierID = "dossier_id"
        case iban
        case decision
        case reason
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dossierID = try container.decode(String.self, forKey: .dossierID)
        iban = try container.decode(String.self, forKey: .iban)
        decision = try ReviewDecision.decode(from: container, decision: .decision, reason: .reason)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dossierID, forKey: .dossierID)
        try container.encode(iban, forKey: .iban)
        try decision.encode(into: &container, decision: .decision, reason: .reason)
    }
}
