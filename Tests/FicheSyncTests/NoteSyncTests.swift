import FicheDomain
import FicheReplica
import FicheSync
import Foundation
import XCTest

/// Dossier notes travel like every change: added, edited and erased offline through the
/// outbox, pulled by every device of the employer, and an erased note leaves every device —
/// its text with it, from every table of the replica.
final class NoteSyncTests: XCTestCase {
    static let private1 = "Appel de Mme Zanzibar : son fils est hospitalisé"
    static let edited = "Appel de Mme Zanzibar : absence à prévoir"

    func testNotesWrittenOfflineReachColleaguesAndAnErasedNoteLeavesEveryDevice() async throws {
        let server = try await SimulatedServer.make(users: ["clerk-a": ["AC-T"], "clerk-b": ["AC-T"]])
        try await server.serve { url in
            let a = try await SimulatedClient.make(name: "pc-a", login: "clerk-a", server: url, seed: 31, faultRate: 0)
            let b = try await SimulatedClient.make(name: "pc-b", login: "clerk-b", server: url, seed: 32, faultRate: 0)
            defer {
                a.remove()
                b.remove()
            }
            try await a.session.sync()
            try await b.session.sync()
            let dossiers = try a.replica.syncedRows(of: "dossier_view")
            let dossier = try XCTUnwrap(dossiers.first { ($0.value["number"] ?? nil) == "A001" }?.key)

            // Offline: a note added then edited, another added then erased, before any push.
            try a.replica.addNote(id: "n1", dossierID: dossier, text: Self.private1, by: a.user)
            XCTAssertNotNil(try a.replica.editNote(id: "n1", text: Self.edited, by: a.user))
            try a.replica.addNote(id: "n2", dossierID: dossier, text: "Brouillon à jeter", by: a.user)
            try a.replica.eraseNote(id: "n2", by: a.user)
            XCTAssertEqual(try a.replica.notes(dossierID: dossier).map(\.text), [Self.edited], "the device shows its own notes at once")
            try await a.session.sync()
            XCTAssertEqual(try a.replica.recordedResults().map(\.status), ["applied", "applied", "applied", "applied"])
            try await b.session.sync()
            let seen = try b.replica.notes(dossierID: dossier)
            XCTAssertEqual(seen.map(\.text), [Self.edited])
            XCTAssertEqual(seen.first?.author, a.user.id)
            XCTAssertNotNil(seen.first?.editedAt)

            // Someone else's note: refused on the device, before anything is sent.
            XCTAssertThrowsError(try b.replica.editNote(id: "n1", text: "Autre", by: b.user)) {
                XCTAssertEqual($0 as? RuleViolation, .noteNotOwn(noteID: "n1"))
            }
            XCTAssertThrowsError(try b.replica.eraseNote(id: "n1", by: b.user)) {
                XCTAssertEqual($0 as? RuleViolation, .noteNotOwn(noteID: "n1"))
            }

            try a.replica.eraseNote(id: "n1", by: a.user)
            XCTAssertEqual(try a.replica.notes(dossierID: dossier), [])
            try await a.session.sync()
            try await b.session.sync()
            XCTAssertEqual(try b.replica.notes(dossierID: dossier), [], "the erased note leaves the colleague's device")
            XCTAssertEqual(try b.replica.syncedRows(of: "note"), [:])
            for (client, name) in [(a, "author"), (b, "colleague")] {
                XCTAssertEqual(try client.replica.tablesHolding("Zanzibar"), [], "no table of the \(name)'s replica holds the text")
            }
            let serverTexts = try await server.store.read { tx in
                try await tx.first("""
                    SELECT (SELECT COUNT(*) FROM notes WHERE text LIKE '%Zanzibar%')
                         + (SELECT COUNT(*) FROM change_log WHERE row_json LIKE '%Zanzibar%')
                         + (SELECT COUNT(*) FROM audit WHERE old_value LIKE '%Zanzibar%' OR new_value LIKE '%Zanzibar%')
                         + (SELECT COUNT(*) FROM mutations WHERE result LIKE '%Zanzibar%') AS n
                    """)?.int("n")
            }
            XCTAssertEqual(serverTexts, 0, "nor does the server")

            // A new device of the colleague copies no erased note.
            let fresh = try await SimulatedClient.make(name: "pc-b2", login: "clerk-b", server: url, seed: 33, faultRate: 0)
            defer { fresh.remove() }
            try await fresh.session.sync()
            XCTAssertEqual(try fresh.replica.syncedRows(of: "note"), [:])
        }
        await server.close()
    }

    func testAnEditFromAnOutdatedTextIsAConflictAndALostEmployerTakesItsNotes() async throws {
        let server = try await SimulatedServer.make(users: ["clerk-a": ["AC-T"], "clerk-b": ["AC-T", "CPAS-T"]])
        try await server.serve { url in
            let laptop = try await SimulatedClient.make(name: "pc-a1", login: "clerk-a", server: url, seed: 41, faultRate: 0)
            let desktop = try await SimulatedClient.make(name: "pc-a2", login: "clerk-a", server: url, seed: 42, faultRate: 0)
            let b = try await SimulatedClient.make(name: "pc-b", login: "clerk-b", server: url, seed: 43, faultRate: 0)
            defer {
                laptop.remove()
                desktop.remove()
                b.remove()
            }
            try await laptop.session.sync()
            let dossiers = try laptop.replica.syncedRows(of: "dossier_view")
            let dossier = try XCTUnwrap(dossiers.first { ($0.value["number"] ?? nil) == "A001" }?.key)
            try laptop.replica.addNote(id: "n1", dossierID: dossier, text: "Premier texte", by: laptop.user)
            try await laptop.session.sync()
            try await desktop.session.sync()
            try await b.session.sync()
            XCTAssertEqual(try b.replica.notes(dossierID: dossier).count, 1)

            // The same author edits on two devices: the second edit started from a text that is no
            // longer the note's, so it is a conflict, and the note keeps the first edit.
            try laptop.replica.editNote(id: "n1", text: "Texte du portable", by: laptop.user)
            try await laptop.session.sync()
            try desktop.replica.editNote(id: "n1", text: "Texte du bureau", by: desktop.user)
            try await desktop.session.sync()
            let answer = try XCTUnwrap(desktop.replica.recordedResults().last)
            XCTAssertEqual(answer.status, "conflict")
            XCTAssertEqual(answer.reason, "note.changed")
            XCTAssertEqual(try desktop.replica.notes(dossierID: dossier).map(\.text), ["Texte du portable"])
            XCTAssertEqual(try desktop.replica.syncConflicts().count, 1, "listed with the other conflicts")

            // A grant removed: the employer's notes leave the device with its other rows.
            try await server.accounts.revoke(login: "clerk-b", employer: "AC-T", role: .payrollClerk)
            try await b.session.sync()
            XCTAssertEqual(try b.replica.notes(dossierID: dossier), [])
            XCTAssertEqual(try b.replica.syncedRows(of: "note"), [:])
        }
        await server.close()
    }
}
