import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import XCTest

extension App: DrivableScreen {}

/// The dossier list driven headless through the keymap, as a clerk would use it.
final class AppDriverTests: XCTestCase {
    private func driver(_ language: Language = .french, keymap: String = "default", width: Int = 80, height: Int = 24) throws
        -> (ScreenDriver<App>, AppDatabase) {
        let database = try ListFixture.make()
        let keys = try KeymapCatalog(locations: ConfigLocations(shipped: ConfigLocations.standard(environment: [:]).shipped, user: nil))
            .keymap(named: keymap)
        let app = try App(database: database, strings: Strings(language: language), userName: "demo",
                      size: Size(width: width, height: height), keymap: keys)
        return (ScreenDriver(app), database)
    }

    func testTheKeyHintBarAndHelpComeFromTheKeymap() throws {
        let (driver, _) = try driver()
        let lines = driver.screenText.components(separatedBy: "\n")
        XCTAssertEqual(lines.last, "F1 Aide  F3 Chercher  F4 Filtrer  Enter Ouvrir  F9 Commandes  F10 Quitter")
        driver.press("F1")
        assertScreen(driver.buffer, named: "help-80x24-fr")
        XCTAssertTrue(driver.screenText.contains("F3 /"), "search shows both its keys")
        driver.press("Down")
        XCTAssertTrue(driver.screenText.contains("Aide — touches"), "other keys wait while help is open")
        driver.press("Esc")
        XCTAssertFalse(driver.screenText.contains("Aide — touches"))
    }

    func testAHelpLongerThanTheScreenScrolls() throws {
        let (driver, _) = try driver()  // 80×24: the list's keys do not all fit
        driver.press("F1")
        let firstPage = driver.screenText
        XCTAssertTrue(firstPage.contains("⇣"), "more keys below:\n\(firstPage)")
        XCTAssertFalse(firstPage.contains("⇡"))
        driver.press("End")
        let lastPage = driver.screenText
        XCTAssertNotEqual(lastPage, firstPage)
        XCTAssertTrue(lastPage.contains("⇡"), "keys above:\n\(lastPage)")
        XCTAssertFalse(lastPage.contains("⇣"), "the last key is on screen:\n\(lastPage)")
        XCTAssertTrue(lastPage.contains("Aide — touches"), "scrolling keeps the help open")
        driver.press("Home")
        XCTAssertEqual(driver.screenText, firstPage)
    }

    func testThePaletteRunsAnActionFoundByItsWords() throws {
        let (driver, database) = try driver()
        driver.press(":")
        driver.type("fin")
        assertScreen(driver.buffer, named: "palette-80x24-fr")
        driver.press("Enter")
        XCTAssertEqual(driver.screen.list.selectedRow, try database.dossierPage(before: nil, limit: 1).first,
                       "\"fin\" finds Fin (list.last)")
        XCTAssertNil(driver.screen.palette)
    }

    func testActionIdsAndTheirKeysDoTheSame() throws {
        let (byKey, _) = try driver()
        let (byAction, _) = try driver()
        byKey.press("Down", "Down", "PgDn", "Up")
        byAction.run("list.down", "list.down", "list.pageDown", "list.up")
        XCTAssertEqual(byKey.screen.list, byAction.screen.list)
        XCTAssertEqual(byKey.screenText, byAction.screenText)
    }

    func testTheVimKeymapMovesWithJAndK() throws {
        let (driver, database) = try driver(keymap: "vim")
        driver.press("j", "j", "k")
        XCTAssertEqual(driver.screen.list.selectedRow, try database.dossierPage(after: nil, limit: 2).last)
        driver.press("G")
        XCTAssertEqual(driver.screen.list.selectedRow, try database.dossierPage(before: nil, limit: 1).first)
    }

    func testAnActionThisScreenDoesNotDoYetSaysSo() throws {
        let (driver, _) = try driver(.english)
        driver.press("F7")
        XCTAssertTrue(driver.screenText.contains("✖ New: not available on this screen yet"), driver.screenText)
        driver.press("Down")
        XCTAssertFalse(driver.screenText.contains("not available"))
    }

    func testResizingReLaysOutAndTooSmallRecovers() throws {
        let (driver, _) = try driver(width: 120, height: 40)
        driver.resize(width: 80, height: 24)
        XCTAssertEqual(driver.screen.list.rows.count, DossierListScreen.visibleRows(for: Size(width: 80, height: 24)))
        driver.resize(width: 60, height: 20)
        XCTAssertTrue(driver.screenText.contains("Terminal trop petit : 60×20"))
        driver.press("Down")
        driver.resize(width: 120, height: 40)
        XCTAssertEqual(driver.screen.list.rows.count, DossierListScreen.visibleRows(for: Size(width: 120, height: 40)))
        XCTAssertTrue(driver.screenText.contains("Fiche › Dossiers"))
    }

    func testAClickSelectsTheRowUnderTheMouseAndTheWheelScrolls() throws {
        let (driver, database) = try driver()
        let firstRows = try database.dossierPage(after: nil, limit: 10)
        driver.mouse(.click, x: 10, y: 6)
        XCTAssertEqual(driver.screen.list.selectedRow, firstRows[3])
        driver.mouse(.wheelDown, x: 10, y: 6)
        XCTAssertEqual(driver.screen.list.selectedRow, firstRows[4])
        driver.mouse(.click, x: 10, y: 0)
        XCTAssertEqual(driver.screen.list.selectedRow, firstRows[4], "a click on the status line selects nothing")
    }

    func testCtrlCQuitsWhateverTheKeymap() throws {
        for keymap in ["default", "vim", "mc"] {
            let (driver, _) = try driver(keymap: keymap)
            driver.press("Ctrl+C")
            XCTAssertTrue(driver.screen.quitRequested, keymap)
        }
    }
}
