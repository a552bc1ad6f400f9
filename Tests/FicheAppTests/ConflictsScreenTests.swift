import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The sync conflicts screen: what the server refused, why, and settling it.
final class ConflictsScreenTests: XCTestCase {
    private func driver(_ language: Language = .french, width: Int = 80, height: Int = 24) throws -> ScreenDriver<App> {
        let app = try App(database: try WorkloadFixture.withConflicts(), strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: "usr-demo", today: WorkloadFixture.today)
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
        XCTAssertTrue(text.contains("IBAN : — → BE68539007547034"), text)
        XCTAssertTrue(text.contains("Sur le serveur : BE71 0961 2345 6769"), text)
        XCTAssertTrue(text.contains("quelqu'un a modifié ce champ entre-temps"), text)
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

    func testEnterOnARefusedAbsenceAsksForTheAbsenceForm() throws {
        let driver = try driver()
        driver.press("Alt+c", "Enter")
        // The entry forms come with another change; until then the app says the form is not there.
        XCTAssertTrue(driver.screen.top is ConflictsScreen || driver.screen.top.keyContext == .form, driver.screenText)
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
}
