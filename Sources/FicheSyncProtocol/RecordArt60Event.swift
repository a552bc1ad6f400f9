import FicheDomain

/// Mutation payload: add a dated event to an article 60 worker's follow-up log.
///
/// The event id is chosen by the client (a UUID). `dossier_id` is the worker's dossier at the
/// CPAS, which scopes the event; `date` is `YYYY-MM-DD` on the wire.
public struct RecordArt60Event: Codable, Sendable, Hashable {
    public var eventID: String
    public var contractID: String
    public var dossierID: String
    public var date: LocalDate
    public var kind: Art60EventKind
    public var placementID: String?
    public var note: String

    public init(eventID: String, contractID: String, dossierID: String, date: LocalDate, kind: Art60EventKind,
                placementID: String? = nil, note: String = "") {
        self.eventID = eventID
        self.contractID = contractID
        self.dossierID = dossierID
        self.date = date
        self.kind = kind
        self.placementID = placementID
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id"
        case contractID = "contract_id"
        case dossierID = "dossier_id"
        case date
        case kind
        case placementID = "placement_id"
        case note
    }
}
