import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import XCTest

final class DossierListScreenTests: XCTestCase {
    private func app(_ language: Language, width: Int, height: Int) throws -> (App, AppDatabase) {
        let database = try ListFixture.make()
        let app = try App(database: database, strings: Strings(language: language), userName: "demo",
                      size: Size(width: width, height: height))
        return (app, database)
    }

    func testListAt80x24InFrench() throws {
        let (app, _) = try app(.french, width: 80, height: 24)
        assertScreen(app.render(), named: "dossier-list-80x24-fr")
    }

    func testListAt120x40InFrench() throws {
        let (app, _) = try app(.french, width: 120, height: 40)
        assertScreen(app.render(), named: "dossier-list-120x40-fr")
    }

    func testListAt80x24InDutch() throws {
        let (app, _) = try app(.dutch, width: 80, height: 24)
        assertScreen(app.render(), named: "dossier-list-80x24-nl")
    }

    func testTheListSaysWhereTheSelectionIsAndHowManyDossiersItHolds() throws {
        let (app, database) = try app(.french, width: 80, height: 24)
        let driver = ScreenDriver(app)
        let total = try database.dossierCount(DossierListQuery())
        XCTAssertGreaterThan(total, DossierListScreen.visibleRows(for: app.size), "the fixture scrolls")
        func filtersLine() -> String { driver.screenText.components(separatedBy: "\n")[1] }
        XCTAssertTrue(filtersLine().hasSuffix("1 / \(total)"), filtersLine())
        driver.press("Down", "Down")
        XCTAssertTrue(filtersLine().hasSuffix("3 / \(total)"), filtersLine())
        driver.press("End")
        XCTAssertTrue(filtersLine().hasSuffix("\(total) / \(total)"), filtersLine())
        driver.press("Up")
        XCTAssertTrue(filtersLine().hasSuffix("\(total - 1) / \(total)"), filtersLine())
        // Narrowed by a filter, the total follows; a search shows its hits without a count.
        driver.run("list.first")
        driver.type("dubois")
        XCTAssertFalse(filtersLine().contains(" / \(total)"), filtersLine())
    }

    func testFirstScreenShowsTheFirstDossiersByNameWithTheirAccents() throws {
        let (app, database) = try app(.french, width: 80, height: 24)
        let expected = try database.dossierPage(after: nil, limit: DossierListScreen.visibleRows(for: app.size))
        let screen = app.render().text()
        let lines = screen.components(separatedBy: "\n").map(Array.init)
        // The name cell ends where the number column starts; a longer name ends in "…".
        let header = String(lines[2])
        let nameWidth = header.distance(from: header.startIndex, to: try XCTUnwrap(header.range(of: "N° dossier")).lowerBound)
        XCTAssertEqual(lines.count, expected.count + 5, screen)
        for (index, row) in expected.enumerated() {
            let cell = String(lines[index + 3].prefix(nameWidth)).dropFirst(2).trimmingCharacters(in: .whitespaces)
            let shown = cell == row.displayName || (cell.hasSuffix("…") && row.displayName.hasPrefix(cell.dropLast()))
            XCTAssertTrue(shown, "line \(index + 3) should show \(row.displayName):\n\(screen)")
        }
        XCTAssertTrue(expected.contains { $0.displayName.unicodeScalars.contains { !$0.isASCII } },
                      "the fixture's first page carries accented names")
        XCTAssertTrue(screen.contains("…"), "the fixture's first page has a name longer than its cell")
    }

    func testTheDemosFirstPageCarriesAccentedNames() throws {
        let database = try DemoReplica.make()
        let app = try App(database: database, strings: Strings(language: .french), userName: "demo", size: Size(width: 80, height: 24))
        let expected = try database.dossierPage(after: nil, limit: DossierListScreen.visibleRows(for: app.size))
        let screen = app.render().text()
        for row in expected {
            XCTAssertTrue(screen.contains(row.displayName), "\(row.displayName) missing from:\n\(screen)")
        }
        XCTAssertTrue(expected.contains { $0.displayName.unicodeScalars.contains { !$0.isASCII } },
                      "the demo's first page should carry accented names")
    }

    func testArrowDownPastTheLastVisibleRowScrollsOneDossier() throws {
        let (app, database) = try app(.french, width: 80, height: 24)
        let visible = DossierListScreen.visibleRows(for: app.size)
        let firstRows = try database.dossierPage(after: nil, limit: visible + 5)
        for _ in 0..<visible { app.handle(.key(.down)) }
        XCTAssertEqual(app.list.selectedRow, firstRows[visible])
        XCTAssertEqual(app.list.rows.first, firstRows[1])
        let lines = app.render().text().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[lines.count - 3].contains(firstRows[visible].displayName))
    }

    func testEndShowsTheLastDossierAndHomeComesBack() throws {
        let (app, database) = try app(.french, width: 80, height: 24)
        let last = try database.dossierPage(before: nil, limit: 1)
        app.handle(.key(.end))
        XCTAssertEqual(app.list.selectedRow, last.first)
        app.handle(.key(.home))
        XCTAssertEqual(app.list.selectedRow, try database.dossierPage(after: nil, limit: 1).first)
    }

    func testPagingDownShowsEveryDossierOnceInNameOrder() throws {
        let (app, database) = try app(.french, width: 80, height: 24)
        let all = try database.dossierPage(after: nil, limit: ListFixture.entries.count + 1)
        XCTAssertEqual(all.count, ListFixture.entries.count, "both employers and the suspended dossier are listed")
        var seen = app.list.rows
        for _ in 0..<3 {
            app.handle(.key(.pageDown))
            seen += app.list.rows.filter { !seen.contains($0) }
        }
        XCTAssertEqual(seen, all)
        XCTAssertEqual(app.list.rows.last, all.last)
    }

    func testPageDownThenPageUpReturnsToTheSameRows() throws {
        let (app, _) = try app(.french, width: 80, height: 24)
        let before = app.list.rows
        app.handle(.key(.pageDown))
        XCTAssertNotEqual(app.list.rows, before)
        app.handle(.key(.pageUp))
        XCTAssertEqual(app.list.rows, before)
    }

    func testTooSmallTerminalShowsANoticeAndGrowingBringsTheListBack() throws {
        let (app, _) = try app(.french, width: 80, height: 24)
        app.handle(.resize(Size(width: 60, height: 20)))
        let small = app.render()
        XCTAssertTrue(small.text().contains("Terminal trop petit : 60×20"), small.text())
        assertScreen(small, named: "too-small-60x20-fr")
        app.handle(.resize(Size(width: 100, height: 30)))
        let text = app.render().text()
        XCTAssertTrue(text.contains("Fiche › Dossiers"))
        XCTAssertEqual(app.list.rows.count, DossierListScreen.visibleRows(for: Size(width: 100, height: 30)))
    }

    func testQuitKeysEndTheSession() throws {
        for key in [Key.function(10), .control("q")] {
            let (app, _) = try app(.english, width: 80, height: 24)
            app.handle(.key(key))
            XCTAssertTrue(app.quitRequested, "\(key) should quit")
        }
    }

    /// The list searches as you type: a name starting with q is searched, never a command.
    func testTypingQInTheListSearchesInsteadOfQuitting() throws {
        let (app, _) = try app(.english, width: 80, height: 24)
        app.handle(.key(.character("q")))
        XCTAssertFalse(app.quitRequested, "q is the first letter of a name")
        XCTAssertEqual((app.top as? DossierListScreen)?.searchText, "q")
    }

    func testAnEmptyReplicaSaysSo() throws {
        let database = try ListFixture.empty()
        let app = try App(database: database, strings: Strings(language: .english), userName: "demo",
                      size: Size(width: 80, height: 24))
        XCTAssertTrue(app.render().text().contains("No dossiers in this replica."))
        app.handle(.key(.down))
        app.handle(.key(.pageDown))
        XCTAssertNil(app.list.selectedRow)
    }
}
