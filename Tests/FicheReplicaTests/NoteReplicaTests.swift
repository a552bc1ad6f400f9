import FicheDomain
@testable import FicheReplica
import FicheSyncProtocol
import XCTest

/// Dossier notes on the replica: written offline through the outbox, their author's alone to
/// edit or erase, never in the local history with their text, kept from pulls and gone with an
/// erasure or a lost employer.
final class NoteReplicaTests: XCTestCase {
    func testANoteIsItsAuthorsToEditOrEraseAndItsTextStaysOutOfTheHistory() throws {
        let database = try ReplicaFixture.make()
        let clerk = ReplicaFixture.clerk
        try database.addNote(id: "n1", dossierID: "dos-1", text: "  Appel reçu : Zanzibar  ", by: clerk)
        let added = try database.notes(dossierID: "dos-1")
        XCTAssertEqual(added.map(\.text), ["Appel reçu : Zanzibar"], "kept trimmed, shown at once")
        XCTAssertEqual(added.first?.author, clerk.id)

        XCTAssertThrowsError(try database.editNote(id: "n1", text: "Autre", by: ReplicaFixture.timeManager)) {
            XCTAssertEqual($0 as? RuleViolation, .noteNotOwn(noteID: "n1"))
        }
        XCTAssertThrowsError(try database.eraseNote(id: "n1", by: ReplicaFixture.timeManager)) {
            XCTAssertEqual($0 as? RuleViolation, .noteNotOwn(noteID: "n1"))
        }
        XCTAssertThrowsError(try database.addNote(dossierID: "dos-1", text: "Lecture seule", by: ReplicaFixture.auditor)) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, "access.denied")
        }
        XCTAssertThrowsError(try database.addNote(dossierID: "dos-1", text: "  \n ", by: clerk)) {
            XCTAssertEqual($0 as? RuleViolation, .noteEmpty)
        }
        XCTAssertThrowsError(try database.editNote(id: "n1", text: " ", by: clerk)) {
            XCTAssertEqual($0 as? RuleViolation, .noteEmpty)
        }
        XCTAssertNil(try database.editNote(id: "n1", text: "Appel reçu : Zanzibar", by: clerk), "the same text sends nothing")

        // Not pushed yet: the edit and the erasure of the note follow its addition in the outbox.
        let edit = try XCTUnwrap(database.editNote(id: "n1", text: "Appel reçu : Tombouctou", by: clerk))
        XCTAssertEqual(edit.sent, .editNote(EditNote(noteID: "n1", oldText: "Appel reçu : Zanzibar", text: "Appel reçu : Tombouctou")))
        XCTAssertEqual(try database.notes(dossierID: "dos-1").map(\.text), ["Appel reçu : Tombouctou"])
        XCTAssertNotNil(try database.notes(dossierID: "dos-1").first?.editedAt)
        let erase = try database.eraseNote(id: "n1", by: clerk)
        XCTAssertEqual(erase.sent, .eraseNote(EraseNote(noteID: "n1")))
        XCTAssertEqual(try database.notes(dossierID: "dos-1"), [])
        XCTAssertEqual(try database.unsentMutations(limit: 10).map(\.sent.name), ["addNote", "editNote", "eraseNote"])
        // The texts wait in the outbox only, to reach the server before its erasure does.
        XCTAssertEqual(try database.tablesHolding("Zanzibar"), ["outbox"])
        XCTAssertEqual(try database.tablesHolding("Tombouctou"), ["outbox"])
        XCTAssertThrowsError(try database.editNote(id: "n1", text: "Encore", by: clerk), "an erased note is gone")
    }

    func testPulledNotesAreKeptUntilErasedOrTheirEmployerIsLost() throws {
        let database = try ReplicaFixture.make()
        func note(_ id: String, dossier: String, employer: String, text: String, version: Int64,
                  at time: String = "2026-11-23T09:00:00Z") -> AppDatabase.SyncedChange {
            AppDatabase.SyncedChange(operation: .upsert, row: AppDatabase.SyncedRow(
                entity: "note", id: id, employerCode: employer, version: version,
                fields: ["id": id, "employer_code": employer, "dossier_id": dossier, "author": "u-time", "text": text,
                         "created_at": time, "edited_at": nil]))
        }
        try database.applyPulledPage([
            note("n1", dossier: "dos-1", employer: "AC-IXL", text: "Premier", version: 10),
            note("n2", dossier: "dos-1", employer: "AC-IXL", text: "Second", version: 11),
            note("n0", dossier: "dos-1", employer: "AC-IXL", text: "Plus ancien", version: 9, at: "2026-11-20T08:00:00Z"),
            note("n3", dossier: "dos-3", employer: "CPAS-IXL", text: "Au CPAS", version: 12),
        ], cursor: 12)
        // Newest first; written in the same second, the one the server logged later first.
        XCTAssertEqual(try database.notes(dossierID: "dos-1").map(\.text), ["Second", "Premier", "Plus ancien"])
        XCTAssertEqual(try database.notes(dossierID: "dos-3").map(\.text), ["Au CPAS"])
        try database.applyPulledPage([note("n1", dossier: "dos-1", employer: "AC-IXL", text: "Premier, corrigé", version: 13)],
                                     cursor: 13)
        try database.applyPulledPage([note("n1", dossier: "dos-1", employer: "AC-IXL", text: "Premier", version: 10)], cursor: 13)
        XCTAssertEqual(try database.notes(dossierID: "dos-1").map(\.text), ["Premier, corrigé", "Second", "Plus ancien"],
                       "an older page changes nothing")

        try database.applyPulledPage([AppDatabase.SyncedChange(operation: .delete, row: AppDatabase.SyncedRow(
            entity: "note", id: "n2", employerCode: "AC-IXL", version: 14, fields: [:]))], cursor: 14)
        XCTAssertEqual(try database.notes(dossierID: "dos-1").map(\.id), ["n1", "n0"], "an erased note leaves the replica")

        try database.applyPulledPage([AppDatabase.SyncedChange(operation: .scopeRemoved, row: AppDatabase.SyncedRow(
            entity: "scope", id: "CPAS-IXL", employerCode: "CPAS-IXL", version: 15, fields: [:]))], cursor: 15)
        XCTAssertEqual(try database.notes(dossierID: "dos-3"), [], "a lost employer's notes leave with its other rows")
        XCTAssertEqual(try database.syncedRows(of: "note").keys.sorted(), ["n0", "n1"])
    }
}
