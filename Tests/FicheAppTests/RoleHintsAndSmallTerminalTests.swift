import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The key-hint bar offers only what the user's roles may do, a long message is read to its
/// end, and while the terminal is too small no key acts on a screen nobody sees.
final class RoleHintsAndSmallTerminalTests: XCTestCase {
    /// Reads the commune's dossiers and time records; may enter, validate or reveal nothing.
    private let auditor = User(id: "usr-aud-1", login: "mpeeters", displayName: "Peeters, M.", language: .fr)

    private func driver(userID: String, width: Int = 80, height: Int = 24) throws -> ScreenDriver<App> {
        let database = try DossierFixture.make()
        var batch = MirrorBatch()
        batch.users = [MirrorRow(auditor, employerCode: "AC-IXL", version: 2)]
        batch.grants = [MirrorRow(Grant(id: "grant-aud-1", userID: auditor.id, employerCode: "AC-IXL", role: .auditor),
                                  employerCode: "AC-IXL", version: 2)]
        try database.applyPulled(batch)
        let app = try App(database: database, strings: Strings(language: .french), userName: "demo",
                          size: Size(width: width, height: height), userID: userID, today: DossierFixture.today)
        return ScreenDriver(app)
    }

    private func openÉloïse(_ driver: ScreenDriver<App>) throws {
        driver.type("eloise")
        driver.press("Enter")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
    }

    private func hintBar(_ driver: ScreenDriver<App>) -> String {
        driver.screenText.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    private func label(_ action: String, _ driver: ScreenDriver<App>) -> String {
        driver.screen.environment.strings["action." + action]
    }

    func testTheHintBarOffersEachRoleOnlyWhatItMayDoAtTheDossiersEmployer() throws {
        // The supervisor sees the full NISS: "show" is offered; the time manager may reveal
        // nothing, the auditor neither.
        let supervisor = try driver(userID: "usr-demo")
        try openÉloïse(supervisor)
        XCTAssertTrue(hintBar(supervisor).contains(label("detail.reveal", supervisor)), hintBar(supervisor))
        for userID in [DossierFixture.timeManager.id, auditor.id] {
            let driver = try driver(userID: userID)
            try openÉloïse(driver)
            XCTAssertFalse(hintBar(driver).contains(label("detail.reveal", driver)), "\(userID): \(hintBar(driver))")
            driver.run("tab.next", "tab.next")
            XCTAssertEqual((driver.screen.top as? DossierScreen)?.tab, .timeRecords)
            // The time manager enters time; the auditor only reads it.
            let offersNew = hintBar(driver).contains(label("record.new", driver))
            XCTAssertEqual(offersNew, userID == DossierFixture.timeManager.id, "\(userID): \(hintBar(driver))")
        }
        // A key the bar leaves out still says why it does nothing.
        let reader = try driver(userID: auditor.id)
        try openÉloïse(reader)
        reader.run("tab.next", "tab.next", "record.new")
        XCTAssertTrue(reader.screen.top is DossierScreen, "no form opens for a reader")
        XCTAssertTrue(reader.flowingText.contains("« encoder des prestations »"), reader.screenText)
    }

    func testAMessageLongerThanTheLineIsReadToItsEnd() throws {
        let driver = try driver(userID: DossierFixture.timeManager.id)
        try openÉloïse(driver)
        driver.press("F6")
        let message = "Vous n'avez pas le droit « voir le NISS complet » chez AC-IXL."
        XCTAssertTrue(driver.flowingText.contains(message), driver.screenText)
        driver.resize(width: 80, height: 24)
        // Narrowed to the 80 columns a clerk has, a longer message takes the lines above the
        // message line instead of losing its end.
        driver.screen.environment.exportFolder = "/proc/fiche-no-such-folder/" + String(repeating: "dossier-", count: 8)
        driver.press("Esc")
        driver.press("Ctrl+E")
        let lines = driver.screenText.components(separatedBy: "\n")
        XCTAssertTrue(lines[21].hasPrefix(" ✖ ") || lines[20].hasPrefix(" ✖ ") || lines[19].hasPrefix(" ✖ "), driver.screenText)
        XCTAssertTrue(driver.flowingText.contains("dossier-dossier-"), driver.screenText)
        XCTAssertFalse(lines[22].hasSuffix("…"), "the message line is not cut: \(lines[22])")
    }

    func testWhileTheTerminalIsTooSmallOnlyResizeAndQuitAct() throws {
        let driver = try driver(userID: "usr-demo")
        let before = driver.screenText
        driver.resize(width: 60, height: 20)
        XCTAssertTrue(driver.screenText.contains("Terminal trop petit : 60×20"), driver.screenText)
        // Typing, opening, a form key and a click do nothing unseen.
        driver.type("eloise")
        driver.press("Enter", "F7", "Down", "Space")
        driver.mouse(.doubleClick, x: 5, y: 3)
        XCTAssertTrue(driver.screen.top is DossierListScreen)
        XCTAssertNil(driver.screen.dossierList?.searchText)
        driver.resize(width: 80, height: 24)
        XCTAssertEqual(driver.screenText, before, "the list comes back as it was left")
        // Quitting still works, and still asks about the entry waiting to be sent.
        driver.resize(width: 60, height: 20)
        driver.press("F10")
        XCTAssertFalse(driver.screen.quitRequested)
        XCTAssertTrue(driver.flowingText.contains("pas encore envoyée"), driver.screenText)
        driver.press("F10")
        XCTAssertTrue(driver.screen.quitRequested)
    }
}
