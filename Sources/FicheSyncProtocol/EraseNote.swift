/// Mutation payload: the author erases a dossier note. The server keeps who wrote it and when,
/// drops the text, and every device holding the note deletes it at its next pull.
public struct EraseNote: Codable, Sendable, Hashable {
    public var noteID: String

    public init(noteID: String) {
        self.noteID = noteID
    }

    enum CodingKeys: String, CodingKey {
        case noteID = "note_id"
    }
}
