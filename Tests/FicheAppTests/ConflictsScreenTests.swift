import FicheApp
import struct FicheDomain.RuleBook
import struct FicheDomain.FieldChange
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The sync conflicts screen: what the server refused, why, and settling it.
final class ConflictsScreenTests: XCTestCase {
    private func driver(_ language: Language = .french, width: Int = 80, height: Int = 24,
                        userID: String = "usr-demo") throws -> ScreenDriver<App> {
        let app = try App(database: try WorkloadFixture.withConflicts(), strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: userID, today: WorkloadFixture.today)
        return ScreenDriver(app)
    }

    func testAltCShowsTheDossierWhatWasTypedWhatTheServerHoldsAndWhy() throws {
        let driver = try driver()
        driver.press("Alt+c")
        let screen = try XCTUnwrap(driver.screen.top as? ConflictsScreen)
        XCTAssertEqual(screen.conflicts.count, 2, "the change still waiting is not a conflict")
        var text = driver.screenText
        XCTAssertTrue(text.contains("Absence « Congé annuel » du 01/12/2026 au 02/12/2026"), text)
        XCTAssertTrue(text.contains("Motif : le mois de paie est clôturé"), text)
        XCTAssertTrue(text.contains("Sur le serveur : inchangé"), text)
        XCTAssertTrue(text.contains("Enter : ressaisir l'absence"), text)
        XCTAssertTrue(text.contains("⚠ 2 à voir"), "the badge counts both:\n\(text)")
        assertScreen(driver.buffer, named: "conflicts-80x24-fr")
        driver.press("Down")
        text = driver.screenText
        // A supervisor may not see IBANs in full: masked as on the identity tab.
        XCTAssertTrue(text.contains("IBAN : — → BE** **** **** 7"), text)
        XCTAssertTrue(text.contains("  Au départ      : —"), "the IBAN was empty when the clerk started:\n\(text)")
        XCTAssertTrue(text.contains("  Votre saisie   : BE** **** **** 7034"), text)
        XCTAssertTrue(text.contains("  Sur le serveur : BE** **** **** 6769"), text)
        XCTAssertFalse(text.contains("BE68 5390"), text)
        XCTAssertTrue(text.contains("quelqu'un a modifié ce champ entre-temps"), text)
        XCTAssertTrue(text.contains("F6 : garder votre valeur · F5 : prendre celle du serveur · F4 : modifier"), text)
        XCTAssertTrue(text.contains("F6 Garder la mienne"), "the hint bar shows the settling keys:\n\(text)")
    }

    func testBaseYoursAndTheirsStackAt80ColumnsAndStandSideBySideAt120() throws {
        for language in [Language.french, .dutch] {
            let small = try driver(language)
            small.press("Alt+c", "Down")
            let suffix = language == .french ? "fr" : "nl"
            assertScreen(small.buffer, named: "conflicts-versions-80x24-\(suffix)")
            let large = try driver(language, width: 120, height: 40)
            large.press("Alt+c", "Down")
            assertScreen(large.buffer, named: "conflicts-versions-120x40-\(suffix)")
        }
        let large = try driver(width: 120, height: 40)
        large.press("Alt+c", "Down")
        let row = try XCTUnwrap(large.screenText.split(separator: "\n").first { $0.contains("IBAN") && $0.contains("6769") },
                                large.screenText)
        XCTAssertTrue(row.contains("—") && row.contains("BE** **** **** 7034"),
                      "one line holds base, yours and theirs:\n\(large.screenText)")
        let dutch = try driver(.dutch)
        dutch.press("Alt+c", "Down")
        XCTAssertTrue(dutch.screenText.contains("  Uw invoer     : BE** **** **** 7034"), dutch.screenText)
        XCTAssertTrue(dutch.screenText.contains("  Op de server  : BE** **** **** 6769"), dutch.screenText)
    }

    func testF6KeepsMineAsANewChangeStartingFromTheServersValue() throws {
        let driver = try driver()
        driver.press("Alt+c", "Down", "F6")
        let screen = try XCTUnwrap(driver.screen.top as? ConflictsScreen)
        XCTAssertEqual(screen.conflicts.map(\.mutation), ["recordAbsence"], "the conflict left the list")
        let text = driver.screenText
        XCTAssertTrue(text.contains("Votre valeur est renvoyée au serveur pour AC-000102."), text)
        XCTAssertTrue(text.contains("⚠ 1 à voir"), text)
        let sent = try XCTUnwrap(driver.screen.environment.database.pendingMutations().last)
        XCTAssertEqual(sent.mutation, "updateDossierField")
        XCTAssertEqual(sent.changes["iban"], FieldChange(old: "BE71096123456769", new: "BE68539007547034"),
                       "the server applies it: it starts from the value the server holds")
        driver.press("F6")
        XCTAssertTrue(driver.screenText.contains("Seul un conflit sur un champ se règle ainsi"), "a refused entry is not settled with F6:\n\(driver.screenText)")
    }

    func testF4EditsTheValueCheckedAsAnyIbanAndSendsIt() throws {
        let supervisor = try driver()
        supervisor.press("Alt+c", "Down", "F4")
        let masked = try XCTUnwrap(supervisor.screen.top as? ConflictEditFormScreen)
        XCTAssertEqual(masked.form.fields.map(\.text), [""], "a supervisor may not see the IBAN in full: it is typed again")
        XCTAssertTrue(supervisor.screenText.contains("Sur le serveur : BE** **** **** 6769"), supervisor.screenText)

        let driver = try driver(userID: "usr-ac-1")
        driver.press("Alt+c", "Down", "F4")
        let form = try XCTUnwrap(driver.screen.top as? ConflictEditFormScreen)
        XCTAssertEqual(form.form.fields.map(\.text), ["BE68539007547034"], "filled in with what the clerk typed")
        var text = driver.screenText
        XCTAssertTrue(text.contains("Sur le serveur : BE71 0961 2345 6769"), "the payroll clerk sees IBANs in full:\n\(text)")
        driver.press("Backspace")
        driver.type("5")
        driver.press("F2")
        text = driver.screenText
        XCTAssertTrue(driver.screen.top is ConflictEditFormScreen, "a wrong IBAN is not saved:\n\(text)")
        XCTAssertEqual(try driver.screen.environment.database.syncConflicts().count, 2, "nothing changed")
        for _ in 0..<16 { driver.press("Backspace") }
        driver.type("BE43 0689 9999 9501")
        driver.press("F2")
        text = driver.screenText
        XCTAssertTrue(driver.screen.top is ConflictsScreen, text)
        XCTAssertTrue(text.contains("Valeur corrigée renvoyée au serveur pour AC-000102."), text)
        let sent = try XCTUnwrap(driver.screen.environment.database.pendingMutations().last)
        XCTAssertEqual(sent.changes["iban"], FieldChange(old: "BE71096123456769", new: "BE43068999999501"))
        XCTAssertEqual(try driver.screen.environment.database.auditTrail(entity: "person", targetID: sent.targetID).last?.action,
                       "editConflict")
    }

    func testF5KeepsTheServersValueAndTheItemLeavesTheListAndTheBadge() throws {
        let driver = try driver()
        driver.press("Alt+c", "Down", "F5")
        let screen = try XCTUnwrap(driver.screen.top as? ConflictsScreen)
        XCTAssertEqual(screen.conflicts.map(\.mutation), ["recordAbsence"])
        XCTAssertTrue(driver.screenText.contains("Valeur du serveur gardée pour AC-000102."), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("⚠ 1 à voir"), driver.screenText)
        driver.press("F5")
        XCTAssertTrue(driver.screenText.contains("Rien à voir"), driver.screenText)
        XCTAssertFalse(driver.screenText.contains("à voir ·"), driver.screenText)
    }

    func testEnterReopensTheRefusedAbsenceFilledInAndSavingItSettlesTheRefusal() throws {
        let driver = try driver()
        driver.press("Alt+c", "Enter")
        let form = try XCTUnwrap(driver.screen.top as? AbsenceFormScreen, driver.screenText)
        XCTAssertEqual(form.form.fields.map(\.text).prefix(3), ["Congé annuel", "01/12/2026", "02/12/2026"])
        XCTAssertEqual(form.form.focus, 1, "the cursor waits on the date to correct")
        for _ in 0..<10 { driver.press("Backspace") }
        driver.type("02122026")
        driver.press("F2")
        let screen = try XCTUnwrap(driver.screen.top as? ConflictsScreen, driver.screenText)
        XCTAssertEqual(screen.conflicts.map(\.mutation), ["updateDossierField"], "the refusal left the list")
        let database = driver.screen.environment.database
        let entry = try XCTUnwrap(database.pendingMutations().last)
        XCTAssertEqual(entry.changes["start"]?.new, "2026-12-02")
        XCTAssertEqual(try database.auditTrail(entity: "time_record", targetID: "tr-new-1").last?.action, "reenterRefused")
    }

    func testInDutchAndOnALargeTerminal() throws {
        let dutch = try driver(.dutch)
        dutch.press("Alt+c")
        XCTAssertTrue(dutch.screenText.contains("Afwezigheid „Jaarlijks verlof” van 01/12/2026 tot 02/12/2026"), dutch.screenText)
        XCTAssertTrue(dutch.screenText.contains("Reden: de loonmaand is afgesloten"), dutch.screenText)
        assertScreen(dutch.buffer, named: "conflicts-80x24-nl")
        let large = try driver(width: 120, height: 40)
        large.press("Alt+c")
        assertScreen(large.buffer, named: "conflicts-120x40-fr")
        let largeDutch = try driver(.dutch, width: 120, height: 40)
        largeDutch.press("Alt+c")
        assertScreen(largeDutch.buffer, named: "conflicts-120x40-nl")
    }

    func testEnterReopensARefusedClockingAndArt60EventInTheirFormsFilledIn() throws {
        let database = try DossierFixture.make()
        let clerk = try XCTUnwrap(database.user(id: "usr-ac-1"))
        let day = DossierFixture.date("2026-03-10")
        let clocking = try database.recordClocking(dossierID: DossierFixture.francois, on: day, inMinute: 8 * 60, outMinute: 12 * 60 + 30,
                                                   by: clerk, rules: try RuleBook.bundled())
        let event = try database.recordArt60Event(contractID: "a60-1", date: day, kind: .partnerEvaluation, placementID: "plc-1",
                                                  note: "Retard signalé", by: DossierFixture.officer)
        try WorkloadFixture.answer(clocking, "rejected", reason: "month.closed", in: database)
        try WorkloadFixture.answer(event, "rejected", reason: "month.closed", in: database)
        func driver(_ userID: String) throws -> ScreenDriver<App> {
            ScreenDriver(try App(database: database, strings: Strings(language: .french), userName: userID,
                                 size: Size(width: 80, height: 24), userID: userID, today: DossierFixture.today))
        }

        let clerkScreen = try driver(clerk.id)
        clerkScreen.press("Alt+c")
        XCTAssertTrue(clerkScreen.screenText.contains("Votre saisie : Pointage du 10/03/2026 de 8:00 à 12:30"), clerkScreen.screenText)
        XCTAssertTrue(clerkScreen.screenText.contains("Enter : ressaisir le pointage"), clerkScreen.screenText)
        clerkScreen.press("Enter")
        let clockingForm = try XCTUnwrap(clerkScreen.screen.top as? ClockingFormScreen, clerkScreen.screenText)
        XCTAssertEqual(clockingForm.form.fields.map(\.text), ["10/03/2026", "08:00", "12:30"])

        let officerScreen = try driver(DossierFixture.officer.id)
        officerScreen.press("Alt+c", "Down")
        XCTAssertTrue(officerScreen.screenText.contains("Suivi art. 60 « Évaluation du partenaire » le 10/03/2026"),
                      officerScreen.screenText)
        XCTAssertTrue(officerScreen.screenText.contains("Enter : ressaisir l'événement art. 60"), officerScreen.screenText)
        officerScreen.press("Enter")
        let eventForm = try XCTUnwrap(officerScreen.screen.top as? Art60EventFormScreen, officerScreen.screenText)
        let texts = eventForm.form.fields.map(\.text)
        XCTAssertEqual(texts.first, "10/03/2026")
        XCTAssertTrue(texts[2].hasPrefix("Ressourcerie d'Ixelles asbl"), "\(texts)")
        XCTAssertEqual(texts.last, "Retard signalé")
        officerScreen.press("F2")
        XCTAssertTrue(officerScreen.screen.top is ConflictsScreen, officerScreen.screenText)
        XCTAssertEqual(try database.syncConflicts().map(\.mutationID), [clocking.id], "the corrected event left the list")
    }
}
