/// A named change a client asks the server to make; encoded as `{"name": …, "payload": {…}}`.
public enum Mutation: Codable, Sendable, Hashable {
    case updateDossierField(UpdateDossierField)
    case recordAbsence(RecordTimeRecord)
    case recordTimeRecord(RecordTimeRecord)
    case addNote(AddNote)
    case reviewTimeRecord(ReviewTimeRecord)
    case recordArt60Event(RecordArt60Event)
    case closePayrollMonth(ClosePayrollMonth)
    case recordReveal(RecordReveal)
    case recordCertificate(RecordCertificate)
    /// The author's correction of an entry not yet validated: the whole entry as retyped, same id.
    case amendTimeRecord(RecordTimeRecord)
    case deleteTimeRecord(DeleteTimeRecord)
    case reviewIBANChange(ReviewIBANChange)
    /// The author's new text for a note.
    case editNote(EditNote)
    /// The author erases a note: its text leaves every store.
    case eraseNote(EraseNote)

    /// Every name sent on the wire, in the order of the cases.
    public static let names = [
        "updateDossierField", "recordAbsence", "recordTimeRecord", "addNote", "reviewTimeRecord", "recordArt60Event",
        "closePayrollMonth", "recordReveal", "recordCertificate", "amendTimeRecord", "deleteTimeRecord",
        "reviewIBANChange", "editNote", "eraseNote",
    ]

    /// The stable name sent on the wire and stored with the mutation.
    public var name: String {
        switch self {
        case .updateDossierField: return "updateDossierField"
        case .recordAbsence: return "recordAbsence"
        case .recordTimeRecord: return "recordTimeRecord"
        case .addNote: return "addNote"
        case .reviewTimeRecord: return "reviewTimeRecord"
        case .recordArt60Event: return "recordArt60Event"
        case .closePayrollMonth: return "closePayrollMonth"
        case .recordReveal: return "recordReveal"
        case .recordCertificate: return "recordCertificate"
        case .amendTimeRecord: return "amendTimeRecord"
        case .deleteTimeRecord: return "deleteTimeRecord"
        case .reviewIBANChange: return "reviewIBANChange"
        case .editNote: return "editNote"
        case .eraseNote: return "eraseNote"
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
        case "reviewTimeRecord":
            self = .reviewTimeRecord(try container.decode(ReviewTimeRecord.self, forKey: .payload))
        case "recordArt60Event":
            self = .recordArt60Event(try container.decode(RecordArt60Event.self, forKey: .payload))
        case "closePayrollMonth":
            self = .closePayrollMonth(try container.decode(ClosePayrollMonth.self, forKey: .payload))
        case "recordReveal":
            self = .recordReveal(try container.decode(RecordReveal.self, forKey: .payload))
        case "recordCertificate":
            self = .recordCertificate(try container.decode(RecordCertificate.self, forKey: .payload))
        case "amendTimeRecord":
            self = .amendTimeRecord(try container.decode(RecordTimeRecord.self, forKey: .payload))
        case "deleteTimeRecord":
            self = .deleteTimeRecord(try container.decode(DeleteTimeRecord.self, forKey: .payload))
        case "reviewIBANChange":
            self = .reviewIBANChange(try container.decode(ReviewIBANChange.self, forKey: .payload))
        case "editNote":
            self = .editNote(try container.decode(EditNote.self, forKey: .payload))
        case "eraseNote":
            self = .eraseNote(try container.decode(EraseNote.self, forKey: .payload))
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
        case .reviewTimeRecord(let payload): try container.encode(payload, forKey: .payload)
        case .recordArt60Event(let payload): try container.encode(payload, forKey: .payload)
        case .closePayrollMonth(let payload): try container.encode(payload, forKey: .payload)
        case .recordReveal(let payload): try container.encode(payload, forKey: .payload)
        case .recordCertificate(let payload): try container.encode(payload, forKey: .payload)
        case .amendTimeRecord(let payload): try container.encode(payload, forKey: .payload)
        case .deleteTimeRecord(let payload): try container.encode(payload, forKey: .payload)
        case .reviewIBANChange(let payload): try container.encode(payload, forKey: .payload)
        case .editNote(let payload): try container.encode(payload, forKey: .payload)
        case .eraseNote(let payload): try container.encode(payload, forKey: .payload)
        }
    }
}
