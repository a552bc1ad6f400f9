import Foundation

/// A free-text note on a dossier (who called, what was agreed). Its author may edit it or erase
/// it (GDPR: the text is then gone from every store, only who wrote it and when stay); nobody
/// else may.
public struct DossierNote: Hashable, Sendable, Identifiable {
    public var id: String
    public var employerCode: String
    public var dossierID: String
    /// The id of the user who wrote it.
    public var author: String
    public var text: String
    /// When it was written and last edited (ISO 8601 instants, as stamped by the server or,
    /// before it is sent, by the replica's clock).
    public var createdAt: String
    public var editedAt: String?

    /// The longest text the note form takes (the server accepts longer ones from other clients,
    /// up to four times its field limit).
    public static let maximumLength = 2000

    public init(id: String, employerCode: String, dossierID: String, author: String, text: String,
                createdAt: String, editedAt: String? = nil) {
        self.id = id
        self.employerCode = employerCode
        self.dossierID = dossierID
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.editedAt = editedAt
    }

    /// The text as kept: trimmed, and never empty.
    /// - Throws: `.noteEmpty`.
    public static func checkedText(_ text: String) throws(RuleViolation) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .noteEmpty }
        return trimmed
    }

    /// Only the author edits or erases a note.
    /// - Throws: `.noteNotOwn`.
    public func checkChangeable(by user: User) throws(RuleViolation) {
        guard user.id == author || user.login == author else { throw .noteNotOwn(noteID: id) }
    }
}
