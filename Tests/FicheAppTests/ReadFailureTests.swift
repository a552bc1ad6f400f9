import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// A replica that stops answering mid-session (a table or index dropped from its file): the
/// message line says so in the clerk's language, and the screen keeps what it showed, never an
/// empty screen or a list that does not match what was typed.
final class ReadFailureTests: XCTestCase {
    private func driver(_ language: FicheApp.Language, database: AppDatabase, today: LocalDate? = nil) throws -> ScreenDriver<App> {
        ScreenDriver(try App(database: database, strings: Strings(language: language), userName: "demo",
                             size: Size(width: 80, height: 24), today: today))
    }

    private func names(_ driver: ScreenDriver<App>) -> [String] { driver.screen.list.rows.map(\.displayName) }

    /// The lines between the header and the message line.
    private func body(_ driver: ScreenDriver<App>) -> [String] {
        Array(driver.screenText.components(separatedBy: "\n").prefix(driver.screen.size.height - 2).dropFirst())
    }

    /// The line where the message starts: a long message climbs from the message line over the
    /// bottom of the body.
    private func messageTop(_ driver: ScreenDriver<App>) -> Int {
        let lines = driver.screenText.components(separatedBy: "\n")
        let bottom = driver.screen.size.height - 2
        return (1...bottom).reversed().first { lines.indices.contains($0) && lines[$0].hasPrefix(" ✖ ") } ?? bottom
    }

    /// The message as read, its lines joined.
    private func messageLine(_ driver: ScreenDriver<App>) -> String {
        let lines = driver.screenText.components(separatedBy: "\n")
        let bottom = driver.screen.size.height - 2
        guard lines.indices.contains(bottom) else { return "" }
        return lines[messageTop(driver)...bottom].map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").replacingOccurrences(of: "✖ ", with: " ✖ ")
    }

    private func assertMessage(_ driver: ScreenDriver<App>, startsWith text: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(messageLine(driver).hasPrefix(" ✖ " + text), "message line:\n\(driver.screenText)", file: file, line: line)
    }

    /// The body a message leaves to be seen is exactly what `shown` held there.
    private func assertBodyKept(_ driver: ScreenDriver<App>, _ shown: [String], file: StaticString = #filePath, line: UInt = #line) {
        let visible = messageTop(driver) - 1
        XCTAssertEqual(Array(body(driver).prefix(visible)), Array(shown.prefix(visible)), file: file, line: line)
        XCTAssertGreaterThan(visible, (driver.screen.size.height - 3) / 2, "the message leaves most of the screen", file: file, line: line)
    }

    /// Drops `table` from the replica, runs `action`, and checks what the clerk sees: `message`
    /// on the message line and the body exactly as it was.
    private func assertFailedRead(_ driver: ScreenDriver<App>, dropping table: String, from database: AppDatabase,
                                  on action: ActionID, says message: String,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let shown = body(driver)
        try ReplicaDamage.drop(table, in: database)
        driver.run(action)
        assertMessage(driver, startsWith: message, file: file, line: line)
        assertBodyKept(driver, shown, file: file, line: line)
    }

    func testASearchThatCannotBeReadSaysSoInFrenchAndKeepsThePreviousResults() throws {
        let database = try ListFixture.make()
        let driver = try driver(.french, database: database)
        driver.type("vandenb")
        let found = names(driver)
        let shown = body(driver)
        XCTAssertEqual(found.count, 4)
        try ReplicaDamage.drop("dossier_search", in: database)
        driver.type("o")
        assertMessage(driver, startsWith: "Recherche « vandenbo » impossible, liste inchangée : ")
        XCTAssertEqual(driver.screen.dossierList?.searchText, "vandenb", "the search line goes back to what the rows match")
        XCTAssertEqual(names(driver), found)
        assertBodyKept(driver, shown)
    }

    func testStartingASearchThatCannotBeReadSaysSoInDutchAndKeepsTheWholeList() throws {
        let database = try ListFixture.make()
        let driver = try driver(.dutch, database: database)
        let before = names(driver)
        let shown = body(driver)
        try ReplicaDamage.drop("dossier_search", in: database)
        driver.type("v")
        assertMessage(driver, startsWith: "Zoeken naar ‘v’ mislukt, lijst ongewijzigd: ")
        XCTAssertNil(driver.screen.dossierList?.searchText, "no search line over rows that are not its results")
        XCTAssertEqual(names(driver), before)
        assertBodyKept(driver, shown)
    }

    func testARefreshThatCannotReadTheListSaysSoInEnglishAndKeepsTheRows() throws {
        let database = try ListFixture.make()
        let driver = try driver(.english, database: database)
        driver.press("Down", "Down")
        try assertFailedRead(driver, dropping: "dossier_list", from: database, on: "view.refresh",
                             says: "Cannot read the local database:")
        XCTAssertEqual(driver.screen.list.selection, 2)
    }

    func testADossierThatCannotBeReadAgainKeepsWhatItShowedAndSaysSoInFrench() throws {
        let database = try ListFixture.make()
        let driver = try driver(.french, database: database)
        let first = try XCTUnwrap(driver.screen.list.rows.first)
        driver.run("list.open")
        let dossier = try XCTUnwrap(driver.screen.top as? DossierScreen)
        let shown = body(driver)
        XCTAssertTrue(shown.joined().contains(first.lastName))
        try assertFailedRead(driver, dropping: "audit", from: database, on: "view.refresh",
                             says: "Lecture de la base locale impossible :")
        XCTAssertEqual(dossier.card?.dossier.id, first.id)
    }

    func testAnotherYearThatCannotBeReadKeepsTheYearShownAndSaysSoInDutch() throws {
        let database = try ListFixture.make()
        let driver = try driver(.dutch, database: database)
        driver.run("list.open")
        let dossier = try XCTUnwrap(driver.screen.top as? DossierScreen)
        for _ in 0..<DossierTab.allCases.count where dossier.tab != .timeRecords { driver.run("tab.next") }
        XCTAssertEqual(dossier.tab, .timeRecords)
        let year = dossier.year
        try assertFailedRead(driver, dropping: "audit", from: database, on: "list.pageDown", says: "Lokale databank onleesbaar:")
        XCTAssertEqual(dossier.year, year)
    }

    func testOpeningADossierThatCannotBeReadSaysWhyNotThatItIsGone() throws {
        let database = try ListFixture.make()
        let driver = try driver(.english, database: database)
        try assertFailedRead(driver, dropping: "audit", from: database, on: "list.open", says: "Cannot read the local database:")
        XCTAssertTrue(driver.screen.top is DossierListScreen, "no dossier screen over a dossier that was not read")
    }

    func testAQueueThatCannotBeReadAgainKeepsItsEntriesAndSaysSoInEnglish() throws {
        let database = try QueueFixture.make()
        let driver = try driver(.english, database: database, today: QueueFixture.today)
        driver.press("Alt+v")
        let queues = try XCTUnwrap(driver.screen.top as? QueuesScreen)
        let selected = try XCTUnwrap(queues.selectedID)
        try assertFailedRead(driver, dropping: "audit", from: database, on: "view.refresh", says: "Cannot read the local database:")
        XCTAssertEqual(queues.selectedID, selected)
    }

    func testAnExportWhoseRowsCannotBeReadSaysSoAndWritesNothing() throws {
        let database = try ListFixture.make()
        let driver = try driver(.english, database: database)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-export-\(UUID().uuidString)").path
        driver.screen.environment.exportFolder = folder
        try assertFailedRead(driver, dropping: "dossier_list", from: database, on: "list.export", says: "Cannot read the local database:")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [], [])
    }

    func testTheSyncBadgeSaysItCannotCountRatherThanShowNothingWaiting() throws {
        let database = try ListFixture.make()
        let driver = try driver(.french, database: database)
        try ReplicaDamage.drop("outbox", in: database)
        XCTAssertTrue(driver.screenText.components(separatedBy: "\n")[0].contains("? en attente (base illisible)"), driver.screenText)
    }
}
