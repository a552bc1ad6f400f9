import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The workload chart as a supervisor uses it: loads against 175/200/250, a clerk past 250
/// flagged, then three dossiers handed from the overloaded clerk to a lighter one.
final class WorkloadScreenTests: XCTestCase {
    private func driver(_ language: Language = .french, userID: String = "usr-demo", width: Int = 80, height: Int = 24,
                        database: AppDatabase? = nil) throws -> ScreenDriver<App> {
        let app = try App(database: try database ?? WorkloadFixture.make(), strings: Strings(language: language),
                          userName: "demo", size: Size(width: width, height: height), userID: userID,
                          today: WorkloadFixture.today)
        return ScreenDriver(app)
    }

    /// Moves the chart's selection down to `clerkID`'s bar.
    private func select(_ clerkID: String, _ driver: ScreenDriver<App>) throws {
        driver.press("Home")
        for _ in 0..<12 where try workload(driver).selectedBar?.clerkID != clerkID { driver.press("Down") }
        XCTAssertEqual(try workload(driver).selectedBar?.clerkID, clerkID)
    }

    private func workload(_ driver: ScreenDriver<App>) throws -> WorkloadScreen {
        try XCTUnwrap(driver.screen.top as? WorkloadScreen, "the workload chart is on top")
    }

    func testReadingTheChartAgainKeepsTheSelectedClerk() throws {
        let driver = try driver()
        driver.press("Alt+w")
        try select("usr-cp-1", driver)
        driver.press("F5")
        XCTAssertEqual(try workload(driver).selectedBar?.clerkID, "usr-cp-1", "the same clerk stays selected")
    }

    func testAltWShowsEachEmployersClerksAgainstTheReferenceLoadsAndFlagsTheOverloadedOne() throws {
        let driver = try driver()
        driver.press("Alt+w")
        let screen = try workload(driver)
        let text = driver.screenText
        XCTAssertTrue(text.contains("Charge de travail"), text)
        XCTAssertEqual(screen.dossiers(at: "CPAS-IXL")["usr-cp-1"], 259, "250 added to the 9 active of the list fixture")
        XCTAssertEqual(screen.dossiers(at: "CPAS-IXL")[String?.none], 1, "Bakkali has no clerk")
        XCTAssertTrue(text.contains("259 ⚠"), "past 250 is said with a sign, not colour alone:\n\(text)")
        XCTAssertFalse(text.contains("205 ⚠"), "205 is above 200 but not past 250")
        for reference in ["175", "200", "250"] { XCTAssertTrue(text.contains(reference), "axis shows \(reference)") }
        XCTAssertTrue(text.contains("Non attribués"), text)
        assertScreen(driver.buffer, named: "workload-80x24-fr")
    }

    func testTheChartInDutchAndOnALargeTerminal() throws {
        let dutch = try driver(.dutch)
        dutch.press("Alt+w")
        XCTAssertTrue(dutch.screenText.contains("Werklast"), dutch.screenText)
        XCTAssertTrue(dutch.screenText.contains("Niet toegewezen"), dutch.screenText)
        assertScreen(dutch.buffer, named: "workload-80x24-nl")
        let large = try driver(width: 120, height: 40)
        large.press("Alt+w")
        assertScreen(large.buffer, named: "workload-120x40-fr")
        let largeDutch = try driver(.dutch, width: 120, height: 40)
        largeDutch.press("Alt+w")
        assertScreen(largeDutch.buffer, named: "workload-120x40-nl")
    }

    func testThreeMarkedDossiersGoToAnotherClerkAndTheBarsFollow() throws {
        let driver = try driver()
        driver.press("Alt+w")
        // AC-IXL: Mertens, Van Damme, unassigned; then CPAS-IXL: Çelik, Dumont.
        try select("usr-cp-1", driver)
        driver.press("Enter")
        let list = try XCTUnwrap(driver.screen.top as? DossierListScreen)
        XCTAssertTrue(driver.screenText.contains("Charge de travail › Dumont, D."), driver.screenText)
        XCTAssertTrue(list.window.rows.allSatisfy { $0.payrollClerkID == "usr-cp-1" })
        let moved = list.window.rows.prefix(3).map(\.id)
        driver.press("Space", "Space", "Space")
        XCTAssertTrue(driver.screenText.contains("3 marqués"), driver.screenText)
        driver.press("Ctrl+R")
        let dialog = try XCTUnwrap(driver.screen.top as? ReassignDialog)
        XCTAssertEqual(dialog.clerks.map(\.id), ["usr-cp-2", "usr-cp-1"], "the CPAS's payroll clerks, by name")
        XCTAssertTrue(driver.screenText.contains("Réattribuer 3 dossiers à"), driver.screenText)
        // The dialog names what it acts on, over the list that stays in sight.
        XCTAssertTrue(driver.screenText.contains("• CP-000211 D'Hondt, Koen"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("*  D'Hondt, Koen"), driver.screenText)
        assertScreen(driver.buffer, named: "workload-reassign-80x24-fr")
        driver.press("Enter")   // Çelik, A. is chosen first: not the clerk the dossiers come from
        XCTAssertTrue(driver.screenText.contains("3 dossiers réattribués à Çelik, A., en attente du serveur"), driver.screenText)
        let markers = try driver.screen.environment.database.markers(forDossiers: moved)
        XCTAssertEqual(Set(markers.values), [.pending], "the rows show … until the server has them")
        XCTAssertFalse(driver.screenText.contains("marqué"), "marks are gone after the reassignment")
        driver.press("Esc")
        let screen = try workload(driver)
        XCTAssertEqual(screen.dossiers(at: "CPAS-IXL")["usr-cp-1"], 256)
        XCTAssertEqual(screen.dossiers(at: "CPAS-IXL")["usr-cp-2"], 12)
        XCTAssertTrue(driver.screenText.contains("256 ⚠"), driver.screenText)
        // In the new clerk's list the three dossiers carry … until the server has them.
        try select("usr-cp-2", driver)
        driver.press("Enter")
        let celik = try XCTUnwrap(driver.screen.top as? DossierListScreen)
        XCTAssertTrue(Set(moved).isSubset(of: Set(celik.window.rows.map(\.id))))
        XCTAssertEqual(driver.screenText.components(separatedBy: "\n").filter { $0.hasPrefix(" …") }.count, 3, driver.screenText)
    }

    func testAClerkWithoutTheRightToReassignIsToldWhy() throws {
        let driver = try driver(.dutch, userID: "usr-ac-1")
        driver.press("Alt+w")
        try select("usr-ac-1", driver)
        driver.press("Enter", "Space", "Ctrl+R")
        XCTAssertFalse(driver.screen.top is ReassignDialog)
        XCTAssertTrue(driver.screenText.contains("Toewijzing geweigerd"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("AC-IXL"), driver.screenText)
    }
}
