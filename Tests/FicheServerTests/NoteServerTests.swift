import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// A dossier note is its author's: they edit it or erase it, nobody else does (GDPR), on both
/// stores. An erased note's text is gone from the notes table, the change log and the audit, and
/// every device that held it deletes it at its next pull.
final class NoteServerTests: XCTestCase {
    func testSQLiteOnlyTheAuthorEditsOrErasesANoteAndAnErasedTextIsGone() async throws {
        try await Self.onlyTheAuthorEditsOrErasesANoteAndAnErasedTextIsGone(.sqlite)
    }

    func testPostgresOnlyTheAuthorEditsOrErasesANoteAndAnErasedTextIsGone() async throws {
        try await Self.onlyTheAuthorEditsOrErasesANoteAndAnErasedTextIsGone(.postgres)
    }

    func testSQLiteBadNoteInputIsRefusedAndStoresNothing() async throws {
        try await Self.badNoteInputIsRefusedAndStoresNothing(.sqlite)
    }

    func testPostgresBadNoteInputIsRefusedAndStoresNothing() async throws {
        try await Self.badNoteInputIsRefusedAndStoresNothing(.postgres)
    }

    static let first = "Appel de Mme Dubois : son fils est hospitalisé"
    static let second = "Appel de Mme Dubois : absence à prévoir"

    static func add(_ id: Int64, note: String, dossier: String, _ text: String) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .addNote(AddNote(noteID: note, dossierID: dossier, text: text)))
    }

    static func edit(_ id: Int64, note: String, from old: String, to text: String) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .editNote(EditNote(noteID: note, oldText: old, text: text)))
    }

    static func erase(_ id: Int64, note: String) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .eraseNote(EraseNote(noteID: note)))
    }

    static func onlyTheAuthorEditsOrErasesANoteAndAnErasedTextIsGone(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("A001")
        try await AuthorizationMatrix.addAccount(fixture, "clerk2.ac", .payrollClerk, at: [ServerFixture.commune])
        @Sendable func stored() async throws -> [String?] {
            try await fixture.store.read { tx in
                let row = try await tx.first("SELECT author, text, created_at, edited_at, deleted_at FROM notes WHERE id = 'n1'")
                return ["author", "text", "created_at", "edited_at", "deleted_at"].map { row?.string($0) }
            }
        }
        @Sendable func logged(_ text: String) async throws -> Int64 {
            try await fixture.count("SELECT COUNT(*) AS n FROM change_log WHERE row_json LIKE ?", [.text("%\(text)%")])
        }
        try await fixture.test { api in
            let author = try await api.login("clerk.ac").accessToken
            let colleague = try await api.login("clerk2.ac").accessToken
            let outsider = try await api.login("clerk.cpas").accessToken
            let (_, added) = try await api.push(author, [add(1, note: "n1", dossier: dossier, first)])
            XCTAssertEqual(added?.results.first?.status, .applied)
            let (_, seenBefore, _) = try await api.pull(colleague)
            let cursorBeforeChanges = seenBefore?.cursor ?? 0
            XCTAssertEqual(seenBefore?.changes.filter { $0.entity == .note }.first?.row?["text"], first,
                           "a colleague of the dossier's employer reads the note")

            // Someone else's note: refused, whoever they are, and nothing changes.
            let (_, colleagueTries) = try await api.push(colleague, [edit(1, note: "n1", from: first, to: "Effacé par un collègue"),
                                                                     erase(2, note: "n1")])
            XCTAssertEqual(colleagueTries?.results.map(\.status), [.rejected, .rejected])
            XCTAssertEqual(colleagueTries?.results.map(\.reason), ["note.not_own", "note.not_own"])
            let (_, outsiderTries) = try await api.push(outsider, [erase(1, note: "n1")])
            XCTAssertEqual(outsiderTries?.results.first?.reason, "access.denied", "another employer's user may not touch it")
            let untouched = try await stored()
            XCTAssertEqual(untouched[1], first)

            // An edit from a text that is no longer the note's is a conflict, never overwritten.
            let (_, stale) = try await api.push(author, [edit(2, note: "n1", from: "un autre texte", to: "Écrasé")])
            XCTAssertEqual(stale?.results.first?.status, .conflict)
            XCTAssertEqual(stale?.results.first?.reason, "note.changed")
            let (_, edited) = try await api.push(author, [edit(3, note: "n1", from: first, to: second)])
            XCTAssertEqual(edited?.results.first?.status, .applied)
            let afterEdit = try await stored()
            XCTAssertEqual(afterEdit[1], second)
            XCTAssertNotNil(afterEdit[3] ?? nil, "the note says it was edited")
            let oldTextLogged = try await logged("son fils est hospitalisé")
            XCTAssertEqual(oldTextLogged, 0, "the replaced text is gone from the change log")
            let (_, seenEdit, _) = try await api.pull(colleague, cursor: cursorBeforeChanges)
            XCTAssertEqual(seenEdit?.changes.filter { $0.entity == .note }.last?.row?["text"], second)

            let (_, erased) = try await api.push(author, [erase(4, note: "n1")])
            XCTAssertEqual(erased?.results.first?.status, .applied)
            let tombstone = try await stored()
            let authorID = try await fixture.store.read { tx in
                try await tx.first("SELECT id FROM users WHERE login = 'clerk.ac'")?.string("id")
            }
            XCTAssertEqual(tombstone[0], authorID, "who wrote it stays")
            XCTAssertEqual(tombstone[1], "", "the text is gone from the store")
            XCTAssertNotNil(tombstone[2] ?? nil)
            XCTAssertNotNil(tombstone[4] ?? nil, "the row says it was erased")
            let anyTextLogged = try await logged("absence à prévoir")
            XCTAssertEqual(anyTextLogged, 0, "no text of the note stays in the change log")
            let audited = try await fixture.count(
                "SELECT COUNT(*) AS n FROM audit WHERE old_value LIKE '%hospitalisé%' OR new_value LIKE '%prévoir%'")
            XCTAssertEqual(audited, 0, "the audit never held the note's text")
            let erasures = try await fixture.count(
                "SELECT COUNT(*) AS n FROM audit WHERE action = 'eraseNote' AND entity_id = 'n1' AND decision = 'applied'")
            XCTAssertEqual(erasures, 1, "the audit says who erased which note")

            // A device that pulls after the erasure deletes the note, from any cursor.
            for cursor in [0, cursorBeforeChanges] {
                let (_, pulled, _) = try await api.pull(colleague, cursor: cursor)
                let changes = pulled?.changes.filter { $0.entity == .note && $0.id == "n1" } ?? []
                XCTAssertFalse(changes.isEmpty)
                XCTAssertEqual(Set(changes.map(\.op)), [.delete], "from cursor \(cursor)")
                XCTAssertTrue(changes.allSatisfy { $0.row?["text"] == nil })
            }
            let copied = try await api.snapshot(colleague, limit: 100)
            XCTAssertFalse(copied.contains { $0.0 == .note }, "a new device's copy holds no erased note")

            // Erasing again changes nothing; editing an erased note is a conflict.
            let (_, again) = try await api.push(author, [erase(5, note: "n1"), edit(6, note: "n1", from: "", to: "Revenu")])
            XCTAssertEqual(again?.results.map(\.status), [.applied, .conflict])
            XCTAssertEqual(again?.results.last?.reason, "note.erased")
            let (_, unknown) = try await api.push(author, [erase(7, note: "nope")])
            XCTAssertEqual(unknown?.results.first?.reason, "note.not_found")
        }
        let finalRow = try await fixture.count("SELECT COUNT(*) AS n FROM notes WHERE text = '' AND deleted_at IS NOT NULL")
        XCTAssertEqual(finalRow, 1)
        await fixture.store.close()
    }

    static func badNoteInputIsRefusedAndStoresNothing(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("A001")
        try await fixture.test { api in
            let token = try await api.login("clerk.ac").accessToken
            _ = try await api.push(token, [add(1, note: "n1", dossier: dossier, first)])
            let huge = String(repeating: "x", count: 16_001)
            let (_, refused) = try await api.push(token, [
                edit(2, note: "n1", from: first, to: "   "),
                edit(3, note: "n1", from: first, to: huge),
                edit(4, note: "", from: first, to: "Vide"),
                erase(5, note: "  "),
            ])
            XCTAssertEqual(refused?.results.map(\.status), [.rejected, .rejected, .rejected, .rejected])
            XCTAssertEqual(refused?.results.map(\.reason), ["field.required", "field.too_long", "field.required", "field.required"])
            // A payload of the wrong types is refused whole, with a message naming the field.
            let body = #"{"mutations":[{"id":6,"uuid":"u6","mutation":{"name":"editNote","payload":{"note_id":"n1","old_text":5,"text":["x"]}}}]}"#
            let (status, data) = try await api.call("/v1/sync/push", .post, token: token, body: Data(body.utf8))
            XCTAssertEqual(status, .badRequest)
            XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("old_text"), String(decoding: data, as: UTF8.self))
            let (_, document) = try await api.call("/openapi.json", .get)
            let served = try XCTUnwrap(try JSONSerialization.jsonObject(with: document) as? [String: Any])
            let schemas = (served["components"] as? [String: Any])?["schemas"] as? [String: Any]
            let names = (((schemas?["Mutation"] as? [String: Any])?["properties"] as? [String: Any])?["name"] as? [String: Any])?["enum"]
            XCTAssertEqual(names as? [String], Mutation.names, "the served document names every mutation the server decodes")
            let editText = (((schemas?["EditNote"] as? [String: Any])?["properties"] as? [String: Any])?["text"] as? [String: Any])
            XCTAssertEqual(editText?["maxLength"] as? Int, 16_000)
            XCTAssertEqual(editText?["minLength"] as? Int, 1)
        }
        let text = try await fixture.store.read { tx in try await tx.first("SELECT text FROM notes WHERE id = 'n1'")?.string("text") }
        XCTAssertEqual(text, first, "nothing stored from the refused edits")
        await fixture.store.close()
    }
}
