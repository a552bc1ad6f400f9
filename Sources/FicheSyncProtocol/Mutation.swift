/// A named change a client asks the server to make; encoded as `{"name": …, "payload": {…}}`.
public enum Mutation: Codable, Sendable, Hashable {
    case updateDossierField(UpdateDossierField)
    case recordAbsence(RecordTimeRecord)
    case recordTimeRecord(RecordTimeRecord)
    case addNote(AddNote)

    /// The stable name sent on the wire and stored with the mutation.
    public var name: String {
        switch self {
        case .updateDossierField: return "updateDossierField"
        case .recordAbsence: return "recordAbsence"
        case .recordTimeRecord: return "recordTimeRecord"
        case .addNote: return "addNote"
        }
    }

    enum CodingKeys: String, CodingKey {
        case name
        case payload
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        switch name {
        case "updateDossierField":
            self = .updateDossierField(try container.decode(UpdateDossierField.self, forKey: .payload))
        case "recordAbsence":
            self = .recordAbsence(try container.decode(RecordTimeRecord.self, forKey: .payload))
        case "recordTimeRecord":
            self = .recordTimeRecord(try container.decode(RecordTimeRecord.self, forKey: .payload))
        case "addNote":
            self = .addNote(try container.decode(AddNote.self, forKey: .payload))
        default:
            throw DecodingError.dataCorruptedError(forKey: .name, in: container,
                                                   debugDescription: "unknown mutation '\(name)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        switch self {
        case .updateDossierField(let payload): try container.encode(payload, forKey: .payload)
        case .recordAbsence(let payload): try container.encode(payload, forKey: .payload)
        case .recordTimeRecord(let payload): try container.encode(payload, forKey: .payload)
        case .addNote(let payload): try container.encode(payload, forKey: .payload)
        }
    }
}
