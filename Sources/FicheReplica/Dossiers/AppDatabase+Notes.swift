import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

/// Dossier notes: added by whoever may write in the dossier, edited or erased by their author
/// only (`DossierNote.checkChangeable`), offline through the outbox like every change. The local
/// history (`audit`) of a note never holds its text; erasing a note also takes its text out of
/// the journal of sent changes (`sent_journal`), whose entries of it become erasures.
extension AppDatabase {
    /// A dossier's notes, newest first (notes not yet sent included, erased ones left out).
    public func notes(dossierID: String) throws -> [DossierNote] {
        try writer.read { db in
            // Written in the same instant: the later one first, by the order it was written on
            // this device (its outbox id), else by the server's (its version).
            try Row.fetchAll(db, sql: """
                SELECT n.* FROM note_view n WHERE n.dossier_id = ?
                ORDER BY n.created_at DESC,
                         COALESCE((SELECT MIN(o.id) FROM outbox o WHERE o.entity = 'note' AND o.target_id = n.id), 0) DESC,
                         n.version DESC, n.id DESC
                """, arguments: [dossierID]).map(Self.note)
        }
    }

    /// Adds a note to a dossier (`edit_dossier` or `enter_time_record` at its employer).
    /// - Throws: `RuleViolation.noteEmpty`, `.permissionDenied`; `MissingRowError` for an unknown dossier.
    @discardableResult
    public func addNote(id: String = UUID().uuidString.lowercased(), dossierID: String, text: String, by user: User,
                        now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        let text = try DossierNote.checkedText(text)
        return try write { db in
            let dossier = try Self.liveDossier(db, dossierID)
            try Self.requireNoteRights(db, user: user, at: dossier.employerCode, now: now)
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM note_view WHERE id = ?", arguments: [id]) == nil else {
                throw StoredRowError(table: "note", id: id, detail: "already exists")
            }
            let stamp = Self.timestamp(now)
            let columns: [String: DatabaseValue] = [
                "id": id.databaseValue, "employer_code": dossier.employerCode.databaseValue,
                "dossier_id": dossierID.databaseValue, "author": user.id.databaseValue, "text": text.databaseValue,
                "created_at": stamp.databaseValue,
            ]
            var audited = columns
            audited["text"] = nil
            let entry = try Self.writeChange(
                db, mutation: "addNote", sent: .addNote(AddNote(noteID: id, dossierID: dossierID, text: text)), entity: "note",
                targetID: id, employerCode: dossier.employerCode, baseVersion: nil,
                payload: MutationPayload(from: [:], to: columns), audited: MutationPayload(from: [:], to: audited),
                user: user, now: now)
            try WorkingView.recompute(db, entity: "note", id: id)
            return entry
        }
    }

    /// The author's new text for a note (sent or not yet); nil when the text is the same.
    /// - Throws: `RuleViolation.noteNotOwn`, `.noteEmpty`, `.permissionDenied`; `MissingRowError`.
    @discardableResult
    public func editNote(id: String, text: String, by user: User, now: Date? = nil) throws -> OutboxEntry? {
        let now = now ?? clock.now()
        let text = try DossierNote.checkedText(text)
        return try write { db in
            let (note, version) = try Self.liveNote(db, id)
            try note.checkChangeable(by: user)
            try Self.requireNoteRights(db, user: user, at: note.employerCode, now: now)
            guard text != note.text else { return nil }
            let stamp = Self.timestamp(now)
            let entry = try Self.writeChange(
                db, mutation: "editNote", sent: .editNote(EditNote(noteID: id, oldText: note.text, text: text)), entity: "note",
                targetID: id, employerCode: note.employerCode, baseVersion: version,
                payload: MutationPayload(fields: ["text": (note.text.databaseValue, text.databaseValue),
                                                  "edited_at": (note.editedAt.databaseValue, stamp.databaseValue)]),
                audited: MutationPayload(fields: ["edited_at": (note.editedAt.databaseValue, stamp.databaseValue)]),
                user: user, now: now)
            try WorkingView.recompute(db, entity: "note", id: id)
            return entry
        }
    }

    /// The author erases a note (sent or not yet): it leaves the dossier at once and, once the
    /// server has the erasure, every device.
    /// - Throws: `RuleViolation.noteNotOwn`, `.permissionDenied`; `MissingRowError`.
    @discardableResult
    public func eraseNote(id: String, by user: User, now: Date? = nil) throws -> OutboxEntry {
        let now = now ?? clock.now()
        return try write { db in
            let (note, version) = try Self.liveNote(db, id)
            try note.checkChangeable(by: user)
            try Self.requireNoteRights(db, user: user, at: note.employerCode, now: now)
            let erasure = Mutation.eraseNote(EraseNote(noteID: id))
            let entry = try Self.writeChange(
                db, mutation: "eraseNote", sent: erasure, entity: "note", targetID: id, employerCode: note.employerCode,
                baseVersion: version, payload: MutationPayload(fields: [:], deletes: true), user: user, now: now)
            try Self.forgetNoteTexts(db, id)
            try WorkingView.recompute(db, entity: "note", id: id)
            return entry
        }
    }

    // MARK: Inside the write transaction

    /// Sent changes are kept 30 days to be sent again after a server restore
    /// (`sent_journal`): those of an erased note become its erasure, so its text leaves this
    /// device too (sent again, each erases it or finds it gone). Called when the note is erased
    /// and when a change of it sent before its erasure is answered.
    static func forgetNoteTexts(_ db: Database, _ id: String) throws {
        try db.execute(sql: """
            UPDATE sent_journal SET mutation = 'eraseNote', payload = ?, wire = ?
            WHERE entity = 'note' AND target_id = ? AND mutation <> 'eraseNote'
            """, arguments: [try MutationPayload(fields: [:], deletes: true).json(),
                             try OutboxEntry.encoded(.eraseNote(EraseNote(noteID: id))), id])
    }

    /// Whether an erasure of note `id` was made on this device (waiting or sent).
    static func noteIsErased(_ db: Database, _ id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM outbox WHERE entity = 'note' AND target_id = ? AND mutation = 'eraseNote')
                OR EXISTS (SELECT 1 FROM sent_journal WHERE entity = 'note' AND target_id = ? AND mutation = 'eraseNote')
            """, arguments: [id, id]) ?? false
    }

    static func requireNoteRights(_ db: Database, user: User, at employer: String, now: Date) throws {
        let rights = try Self.rights(db, user: user, now: now)
        guard rights.may(.editDossier, at: employer) || rights.may(.enterTimeRecord, at: employer) else {
            throw RuleViolation.permissionDenied(permission: .editDossier, employerCode: employer)
        }
    }

    static func liveNote(_ db: Database, _ id: String) throws -> (DossierNote, Int64) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM note_view WHERE id = ?", arguments: [id]) else {
            throw MissingRowError(entity: "note", id: id)
        }
        return (try note(row), row["version"] ?? 0)
    }

    static func note(_ row: Row) throws -> DossierNote {
        let r = StoredRow(row: row, table: "note")
        return DossierNote(id: try r.text("id"), employerCode: try r.text("employer_code"), dossierID: try r.text("dossier_id"),
                           author: try r.text("author"), text: r.optionalText("text") ?? "",
                           createdAt: try r.text("created_at"), editedAt: r.optionalText("edited_at"))
    }
}
