import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The dossier list as a clerk narrows it: typing, filters, sorting, marks, export.
final class DossierSearchAndFilterTests: XCTestCase {
    private func driver(_ language: Language = .french, userID: String = "usr-demo", width: Int = 80,
                        height: Int = 24) throws -> ScreenDriver<App> {
        let app = try App(database: try ListFixture.make(), strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: userID)
        return ScreenDriver(app)
    }

    private func names(_ driver: ScreenDriver<App>) -> [String] { driver.screen.list.rows.map(\.displayName) }

    func testTypingVandenbFindsTheVanDenBosschesWithoutAnySearchKey() throws {
        let driver = try driver()
        driver.type("vandenb")
        XCTAssertEqual(driver.screen.dossierList?.searchText, "vandenb")
        XCTAssertEqual(Set(names(driver)), ["Van den Bossche, Éloïse", "Van den Bossche, Luc",
                                            "Van den Bossche-Vercammen, Anne-Cécile", "Vandenberghe, Inès"])
        XCTAssertTrue(driver.screenText.contains("Chercher : vandenb"), driver.screenText)
        assertScreen(driver.buffer, named: "dossier-search-80x24-fr")
    }

    func testAccentsAndCaseAreIgnoredAndBackspaceWidensAgain() throws {
        let driver = try driver()
        driver.press("/")
        driver.type("ELOISE")
        XCTAssertEqual(names(driver), ["Van den Bossche, Éloïse"])
        for _ in 0..<6 { driver.press("Backspace") }
        XCTAssertEqual(driver.screen.dossierList?.searchText, "")
        XCTAssertEqual(driver.screen.list.rows.count, DossierListScreen.visibleRows(for: Size(width: 80, height: 24)),
                       "an empty search shows the whole list again")
    }

    func testWhileSearchingQIsALetterAndEscEndsTheSearch() throws {
        let driver = try driver(.english)
        driver.type("/q")
        XCTAssertFalse(driver.screen.quitRequested, "q is typed into the search, it does not quit")
        XCTAssertTrue(driver.screenText.contains("No dossier matches “q”."), driver.screenText)
        driver.press("Esc")
        XCTAssertNil(driver.screen.dossierList?.searchText)
        XCTAssertTrue(driver.screenText.contains("Filters: none"), driver.screenText)
    }

    func testANumberOrANationalNumberFindsTheDossier() throws {
        let driver = try driver()
        let target = try XCTUnwrap(driver.screen.list.rows.first)
        driver.type(target.dossierNumber)
        XCTAssertEqual(driver.screen.list.selectedRow?.id, target.id)
    }

    func testTheFilterHoldsTheSearchToOneEmployerAndCategory() throws {
        let driver = try driver()
        driver.press("F4")
        assertScreen(driver.buffer, named: "dossier-filter-80x24-fr")
        driver.press("Right")              // employer: AC-IXL
        driver.press("Tab", "Right")       // category: statutory
        driver.press("Enter")
        XCTAssertTrue(driver.screenText.contains("Filtres : AC-IXL · Statutaire"), driver.screenText)
        XCTAssertTrue(driver.screen.list.rows.allSatisfy { $0.employerCode == "AC-IXL" && $0.category == "statutory" })
        driver.type("vandenb")
        XCTAssertEqual(Set(names(driver)), ["Van den Bossche, Éloïse", "Van den Bossche, Luc",
                                            "Van den Bossche-Vercammen, Anne-Cécile"], "Vandenberghe is contractual")
        driver.press("Esc")
        driver.press("F4", "Esc")
        XCTAssertTrue(driver.screenText.contains("Filtres : AC-IXL · Statutaire"), "Esc in the filter changes nothing")
    }

    func testAPayrollClerkStartsOnTheirOwnDossiers() throws {
        let driver = try driver(.dutch, userID: "usr-ac-1")
        XCTAssertTrue(driver.screenText.contains("Filters: Mijn dossiers"), driver.screenText)
        XCTAssertFalse(driver.screen.list.rows.isEmpty)
        XCTAssertTrue(driver.screen.list.rows.allSatisfy { $0.payrollClerkID == "usr-ac-1" })
        assertScreen(driver.buffer, named: "dossier-list-mine-80x24-nl")
    }

    func testF6OpensASortMenuOfEveryColumnEitherWayAndSaysWhich() throws {
        let driver = try driver(.english)
        driver.press("F6")
        XCTAssertTrue(driver.screen.top is SortMenu, driver.screenText)
        XCTAssertTrue(driver.screenText.contains("• Name ▲ (A → Z)") || driver.screenText.contains("› Name ▲ (A → Z)"),
                      driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Status ▼ (Z → A)"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("↑ ↓ choose · Enter: sort · Esc: cancel"), "the help is not cut")
        // Dossier number, latest first: one down to "Name ▼", one more to "Dossier no. ▲", one more.
        driver.press("Down", "Down", "Down", "Enter")
        XCTAssertTrue(driver.screen.top is DossierListScreen)
        XCTAssertTrue(driver.screenText.contains("Sorted by Dossier no. ▼ (Z → A)"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Dossier n…▼") || driver.screenText.contains("Dossier no. ▼"), driver.screenText)
        let numbers = driver.screen.list.rows.map(\.dossierNumber)
        XCTAssertEqual(numbers, numbers.sorted(by: >))
        // By status: the status column is sorted too, and Esc in the menu keeps the order.
        driver.press("F6", "End", "Up", "Up", "Up", "Enter")
        XCTAssertTrue(driver.screenText.contains("Sorted by Status ▲ (A → Z)"), driver.screenText)
        let statuses = driver.screen.list.rows.map(\.status)
        XCTAssertEqual(statuses, statuses.sorted())
        driver.press("F6", "Home", "Esc")
        XCTAssertEqual(driver.screen.list.rows.map(\.status), statuses)
    }

    func testCtrlAMarksEveryDossierTheFiltersShowAndAgainUnmarksThem() throws {
        let driver = try driver(.english)
        let list = try XCTUnwrap(driver.screen.dossierList)
        let total = try driver.screen.environment.database.dossierCount(list.query)
        XCTAssertGreaterThan(total, list.window.rows.count, "more dossiers than the screen holds")
        driver.press("Ctrl+A")
        XCTAssertEqual(list.marked.count, total, "every dossier of the list, not only those on screen")
        XCTAssertTrue(driver.flowingText.contains("\(total) dossiers marked: every one the filters show"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("\(total) marked"), driver.screenText)
        driver.press("Ctrl+A")
        XCTAssertTrue(list.marked.isEmpty)
        XCTAssertTrue(driver.flowingText.contains("No dossier marked any more"), driver.screenText)
        driver.type("dubois")
        driver.press("Ctrl+A")
        XCTAssertTrue(list.marked.isEmpty, "a search is no filter to mark")
        XCTAssertTrue(driver.flowingText.contains("leave the search with Esc first"), driver.screenText)
    }

    func testCtrlUClearsTheSearchTextAndTheWholeListComesBack() throws {
        let driver = try driver(.english)
        let everyone = driver.screen.list.rows.map(\.id)
        driver.type("dubois")
        XCTAssertNotEqual(driver.screen.list.rows.map(\.id), everyone)
        driver.press("Ctrl+U")
        XCTAssertEqual(driver.screen.dossierList?.searchText, "", "still searching, with nothing typed")
        XCTAssertEqual(Set(driver.screen.list.rows.map(\.id)), Set(everyone))
        driver.type("noel")
        XCTAssertEqual(driver.screen.list.rows.first?.lastName, "Noël", "\(driver.screen.list.rows)")
    }

    func testMarkedRowsShowAndACSVExportHoldsTheWholeFilteredList() throws {
        let driver = try driver(.english)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        driver.screen.environment.exportFolder = folder.path
        driver.press("Space", "Space")
        XCTAssertEqual(driver.screen.dossierList?.marked.count, 2)
        XCTAssertTrue(driver.screenText.contains("2 marked"), driver.screenText)
        driver.press("Ctrl+E")
        XCTAssertTrue(driver.flowingText.contains("✔ \(ListFixture.entries.count) rows exported to \(folder.path)"), driver.screenText)
        let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let text = try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, ListFixture.entries.count + 1)
        XCTAssertTrue(lines[0].hasSuffix("Number;Last name;First name;Employer;Category;Status;Payroll clerk"), lines[0])
        XCTAssertTrue(lines.contains { $0.contains(";Van den Bossche;Éloïse;AC-IXL;Statutory;active;") }, text)
    }

    func testAnExportToAFolderThatCannotBeWrittenSaysSoAndWritesNothing() throws {
        let driver = try driver(.english)
        driver.screen.environment.exportFolder = "/proc/fiche-no-such-folder"
        driver.press("Ctrl+E")
        XCTAssertTrue(driver.flowingText.contains("✖ Export failed, nothing was written: cannot write /proc/fiche-no-such"),
                      driver.screenText)
    }
}
