/// Mutation payload: append a note to a dossier. A new note never conflicts; its author may later
/// edit it (`EditNote`) or erase it (`EraseNote`).
public struct AddNote: Codable, Sendable, Hashable {
    public var noteID: String
    public var dossierID: String
    public var text: String

    public init(noteID: String, dossierID: String, text: String) {
        self.noteID = noteID
        self.dossierID = dossierID
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case noteID = "note_id"
        case dossierID = "dossier_id"
        case text
    }
}
