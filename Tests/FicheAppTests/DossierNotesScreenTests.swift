import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The notes tab of a dossier: a clerk adds a note with Ctrl+N, edits it with Enter and erases
/// it with F8 twice; a colleague reads it but may neither edit nor erase it.
final class DossierNotesScreenTests: XCTestCase {
    private func driver(_ language: FicheApp.Language = .french, userID: String, width: Int = 80, height: Int = 24,
                        database: AppDatabase) throws -> ScreenDriver<App> {
        let app = try App(database: database, strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: userID, today: DossierFixture.today)
        return ScreenDriver(app)
    }

    /// Éloïse's dossier, opened from the list as a user does, on its notes tab.
    private func openNotes(in driver: ScreenDriver<App>, file: StaticString = #filePath, line: UInt = #line) throws {
        driver.type("eloise")
        driver.press("Enter")
        let screen = try XCTUnwrap(driver.screen.top as? DossierScreen, driver.screenText, file: file, line: line)
        while screen.tab != .notes { driver.press("Tab") }
    }

    private func notes(_ driver: ScreenDriver<App>) -> [DossierNote] {
        (driver.screen.top as? DossierScreen)?.notes ?? []
    }

    func testTheClerkAddsEditsAndErasesANoteAndAColleagueMayNotTouchIt() throws {
        let database = try DossierFixture.make()
        let clerk = try driver(userID: "usr-ac-1", database: database)
        try openNotes(in: clerk)
        XCTAssertTrue(clerk.screenText.contains("Aucune note dans ce dossier. Ctrl+N ajoute une note."), clerk.screenText)

        clerk.press("Ctrl+N")
        XCTAssertTrue(clerk.screen.top is NoteFormScreen, clerk.screenText)
        XCTAssertTrue(clerk.screenText.contains("Nouvelle note"), clerk.screenText)
        clerk.press("F2")
        XCTAssertTrue(clerk.screen.top is NoteFormScreen, "an empty note is not saved")
        clerk.type("Appel de Mme Van den Bossche : certificat envoyé par la poste")
        assertScreen(clerk.buffer, named: "note-form-80x24-fr")
        clerk.press("F2")
        XCTAssertTrue(clerk.screen.top is DossierScreen, clerk.screenText)
        XCTAssertTrue(clerk.screenText.contains("Note ajoutée au dossier."), clerk.screenText)
        clerk.press("Ctrl+N")
        clerk.type("Deuxième appel : le certificat est arrivé")
        clerk.press("F2")
        XCTAssertEqual(notes(clerk).map(\.text), ["Deuxième appel : le certificat est arrivé",
                                                  "Appel de Mme Van den Bossche : certificat envoyé par la poste"], "newest first")
        XCTAssertTrue(clerk.screenText.contains("16/03/2026 10:00"), "who and when: \(clerk.screenText)")
        assertScreen(clerk.buffer, named: "dossier-notes-list-80x24-fr")
        // The key hints name what Enter and F8 do to a note.
        let hints = String(clerk.screenText.split(separator: "\n").last ?? "")
        XCTAssertTrue(hints.contains("Modifier") && hints.contains("Effacer"), hints)
        XCTAssertFalse(hints.contains("Corriger") || hints.contains("Supprimer"), hints)

        // Enter on the first note: the form, filled in; the new text replaces it.
        clerk.press("Down", "Enter")
        let form = try XCTUnwrap(clerk.screen.top as? NoteFormScreen, clerk.screenText)
        XCTAssertEqual(form.form.fields.first?.text, "Appel de Mme Van den Bossche : certificat envoyé par la poste")
        XCTAssertTrue(clerk.screenText.contains("Modifier la note"), clerk.screenText)
        clerk.press("Ctrl+U")
        clerk.type("Appel de Mme Van den Bossche : certificat reçu")
        clerk.press("F2")
        XCTAssertTrue(clerk.screenText.contains("Note modifiée."), clerk.screenText)
        XCTAssertEqual(notes(clerk).last?.text, "Appel de Mme Van den Bossche : certificat reçu")
        XCTAssertTrue(clerk.screenText.contains("modifiée le 16/03/2026 10:00"), clerk.screenText)

        // A colleague reads the notes but may neither edit nor erase them (in Dutch, the time manager's language).
        let colleague = try driver(.dutch, userID: DossierFixture.timeManager.id, database: database)
        try openNotes(in: colleague)
        XCTAssertEqual(notes(colleague).count, 2)
        colleague.press("Enter")
        XCTAssertTrue(colleague.screen.top is DossierScreen, "no form for someone else's note")
        XCTAssertTrue(colleague.screenText.contains("Alleen wie deze notitie schreef, kan ze wijzigen of wissen."), colleague.screenText)
        colleague.press("F8", "F8")
        XCTAssertEqual(notes(colleague).count, 2, "nothing erased")
        XCTAssertTrue(colleague.screenText.contains("Alleen wie deze notitie schreef"), colleague.screenText)
        assertScreen(colleague.buffer, named: "dossier-notes-refused-80x24-nl")

        // F8 asks, a second F8 erases; another key between the two keeps the note.
        clerk.press("F8")
        XCTAssertTrue(clerk.screenText.contains("Effacer votre note du 16/03/2026 10:00 ?"), clerk.screenText)
        clerk.press("Up", "F8")
        XCTAssertEqual(notes(clerk).count, 2, "asked again, nothing erased")
        clerk.press("F8")
        XCTAssertTrue(clerk.screenText.contains("Note effacée"), clerk.screenText)
        XCTAssertEqual(notes(clerk).map(\.text), ["Appel de Mme Van den Bossche : certificat reçu"])
        let sent = try database.unsentMutations(limit: 20).map(\.sent.name).filter { $0.hasSuffix("Note") }
        XCTAssertEqual(sent, ["addNote", "addNote", "editNote", "eraseNote"], "written offline, waiting in the outbox")
    }

    /// The author edited the note on two devices: the second edit comes back as a conflict,
    /// listed with the others, and says so without showing the text (kept nowhere but the note).
    func testAnEditThatMetAnotherIsListedAsAConflictWithoutItsText() throws {
        let database = try DossierFixture.make()
        let clerk = try XCTUnwrap(try database.user(id: "usr-ac-1"))
        try database.addNote(id: "n1", dossierID: DossierFixture.eloise, text: "Texte de départ", by: clerk)
        let edit = try XCTUnwrap(try database.editNote(id: "n1", text: "Texte confidentiel modifié", by: clerk))
        try database.recordMutationResults([AppDatabase.SyncedResult(serverMutationID: edit.id, uuid: edit.uuid, status: "conflict",
                                                                     reason: "note.changed", serverValue: nil, seq: nil)])
        let driver = try driver(userID: "usr-ac-1", database: database)
        driver.press("Alt+c")
        let text = driver.screenText
        XCTAssertTrue(driver.screen.top is ConflictsScreen, text)
        XCTAssertTrue(text.contains("Modification de votre note"), text)
        XCTAssertTrue(text.contains("la note a été modifiée entre-temps"), text)
        XCTAssertTrue(text.contains("Van den Bossche"), "the dossier it belongs to: \(text)")
        XCTAssertFalse(text.contains("confidentiel"), text)
        // Enter opens the dossier on its notes tab, where the note is as the server has it.
        driver.press("Enter")
        XCTAssertEqual((driver.screen.top as? DossierScreen)?.tab, .notes, driver.screenText)
    }
}
