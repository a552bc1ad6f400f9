import FicheDomain

/// Mutation payload: a clerk was shown a dossier's full NISS or IBAN (a read the server audits).
public struct RecordReveal: Codable, Sendable, Hashable {
    public var dossierID: String
    public var field: RevealedField

    public init(dossierID: String, field: RevealedField) {
        self.dossierID = dossierID
        self.field = field
    }

    enum CodingKeys: String, CodingKey {
        case dossierID = "dossier_id"
        case field
    }
}
