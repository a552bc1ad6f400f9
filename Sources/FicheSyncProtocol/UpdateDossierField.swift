import FicheDomain

/// Mutation payload: change one field of a dossier (or of its person).
public struct UpdateDossierField: Codable, Sendable, Hashable {
    public var dossierID: String
    public var field: DossierField
    public var change: FieldChange

    public init(dossierID: String, field: DossierField, change: FieldChange) {
        self.dossierID = dossierID
        self.field = field
        self.change = change
    }

    enum CodingKeys: String, CodingKey {
        case dossierID = "dossier_id"
        case field
        case change
    }
}
