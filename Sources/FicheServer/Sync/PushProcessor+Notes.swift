import FicheDomain
import FicheSyncProtocol
import Foundation

/// Dossier notes: anyone who may write in the dossier adds one; only its author edits or erases
/// it (`DossierNote.checkChangeable`, the replica's rule). An edit starts from the text it
/// replaces: a note changed meanwhile is a conflict (never last-writer-wins). An erased note
/// keeps its row (id, dossier, author, dates) with no text, every earlier change-log entry of
/// it becomes a delete, and the audit names it without its text.
extension PushProcessor {
    /// Who may add, edit or erase notes at an employer: whoever may change its dossiers or
    /// enter their time.
    static func mayWriteNotes(_ rights: AccessRights, at employer: String) -> Bool {
        rights.may(.editDossier, at: employer) || rights.may(.enterTimeRecord, at: employer)
    }

    func addNote(_ payload: AddNote, rights: AccessRights, caller: Caller,
                 in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let row = try await dossier(payload.dossierID, in: tx, writes: &writes)
        let employer = row.string("employer_code") ?? ""
        guard Self.mayWriteNotes(rights, at: employer) else {
            return .denied("addNote", employer: employer, entity: "note", id: payload.noteID)
        }
        try Self.requireID(payload.noteID)
        guard !payload.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw MutationRejection(code: "field.required")
        }
        if try await tx.first("SELECT id FROM notes WHERE id = ?", [.text(payload.noteID)]) != nil {
            throw MutationRejection(code: "note.exists")
        }
        let createdAt = Timestamps.iso(configuration.now())
        let version = writes.nextSequence
        // The author is the user's id, as on time records (notes written before kept the login).
        try await writes.insert(into: .notes, [
            ("id", .text(payload.noteID)), ("employer_code", .text(employer)), ("dossier_id", .text(payload.dossierID)),
            ("author", .text(caller.userID)), ("text", .text(payload.text)), ("created_at", .text(createdAt)),
            ("version", .int(version)),
        ], in: tx)
        let fields: [String: String?] = ["id": payload.noteID, "employer_code": employer, "dossier_id": payload.dossierID,
                                         "author": caller.userID, "text": payload.text, "created_at": createdAt,
                                         "edited_at": nil]
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: employer, entity: .note, id: payload.noteID, op: .upsert,
                                                row: fields), table: "notes", version: version)],
            audit: [.init(action: "addNote", decision: "applied", employerCode: employer, entity: "note",
                          entityID: payload.noteID)])
    }

    /// The author's new text. The audit records that the note was edited, never its texts.
    func editNote(_ payload: EditNote, rights: AccessRights, caller: Caller,
                  in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let (row, note) = try await Self.note(payload.noteID, in: tx)
        guard Self.mayWriteNotes(rights, at: note.employerCode) else {
            return .denied("editNote", employer: note.employerCode, entity: "note", id: note.id)
        }
        try note.checkChangeable(by: caller.user)
        if row.string("deleted_at") != nil { return MutationEffect(status: .conflict, reason: "note.erased") }
        guard !payload.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw MutationRejection(code: "field.required")
        }
        // The author changed it on another device meanwhile: they read it again before editing.
        guard note.text == payload.oldText else { return MutationEffect(status: .conflict, reason: "note.changed") }
        if note.text == payload.text { return .noOp }
        let editedAt = Timestamps.iso(configuration.now())
        guard let updated = try await writes.updateNote(note.id, setting: [("text", .text(payload.text)),
                                                                           ("edited_at", .text(editedAt))], in: tx)
        else { throw MutationRejection(code: "note.not_found") }
        let fields = updated.fields(excluding: ["deleted_at", "version"])
        try await writes.rewriteNoteLog(note.id, to: fields, in: tx)
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: note.employerCode, entity: .note, id: note.id, op: .upsert, row: fields),
                                   table: "notes")],
            audit: [.init(action: "editNote", decision: "applied", employerCode: note.employerCode, entity: "note",
                          entityID: note.id, field: "text")])
    }

    /// The author erases a note: the text leaves the row and the change log, the row stays
    /// (who wrote it, when, when it was erased) and every device deletes the note.
    func eraseNote(_ payload: EraseNote, rights: AccessRights, caller: Caller,
                   in tx: any StoreTransaction, writes: inout PushWrites) async throws -> MutationEffect {
        let (row, note) = try await Self.note(payload.noteID, in: tx)
        guard Self.mayWriteNotes(rights, at: note.employerCode) else {
            return .denied("eraseNote", employer: note.employerCode, entity: "note", id: note.id)
        }
        try note.checkChangeable(by: caller.user)
        if row.string("deleted_at") != nil { return .noOp }
        let erasedAt = Timestamps.iso(configuration.now())
        _ = try await writes.updateNote(note.id, setting: [("text", .text("")), ("deleted_at", .text(erasedAt))], in: tx)
        try await writes.rewriteNoteLog(note.id, to: nil, in: tx)
        return MutationEffect(
            status: .applied,
            changes: [LoggedChange(entry: .init(scope: note.employerCode, entity: .note, id: note.id, op: .delete, row: nil),
                                   table: "notes")],
            audit: [.init(action: "eraseNote", decision: "applied", employerCode: note.employerCode, entity: "note",
                          entityID: note.id)])
    }

    /// A note's row, erased or not, and the note it holds; `note.not_found` when there is none.
    static func note(_ id: String, in tx: any StoreTransaction) async throws -> (StoreRow, DossierNote) {
        try requireID(id)
        guard let row = try await tx.first("SELECT * FROM notes WHERE id = ?", [.text(id)]),
              let employer = row.string("employer_code"), let dossier = row.string("dossier_id"),
              let author = row.string("author")
        else { throw MutationRejection(code: "note.not_found") }
        return (row, DossierNote(id: id, employerCode: employer, dossierID: dossier, author: author,
                                 text: row.string("text") ?? "", createdAt: row.string("created_at") ?? "",
                                 editedAt: row.string("edited_at")))
    }
}
