/// Mutation payload: the author's new text for a dossier note. `old_text` is the text the edit
/// started from: a note changed meanwhile (by the author on another device) is a conflict, never
/// overwritten.
public struct EditNote: Codable, Sendable, Hashable {
    public var noteID: String
    public var oldText: String
    public var text: String

    public init(noteID: String, oldText: String, text: String) {
        self.noteID = noteID
        self.oldText = oldText
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case noteID = "note_id"
        case oldText = "old_text"
        case text
    }
}
