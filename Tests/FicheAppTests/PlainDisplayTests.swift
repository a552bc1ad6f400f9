import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import FicheWidgets
import Foundation
import XCTest

/// The plain display (`fiche --plain`) as a screen-reader or braille user meets it: no
/// line-drawing character anywhere, a sign for the selected row, every message headed by a word,
/// and the terminal cursor on the row or field that has the focus.
final class PlainDisplayTests: XCTestCase {
    private func driver(_ database: AppDatabase, userID: String, today: LocalDate, plain: Bool = true) throws -> ScreenDriver<App> {
        let app = try App(database: database, strings: Strings(language: .french), userName: "demo",
                          size: Size(width: 80, height: 24), userID: userID, today: today)
        app.environment.plain = plain
        return ScreenDriver(app)
    }

    /// Fails on any box-drawing or block character in the buffer, naming the ones found.
    private func assertNoLineDrawing(_ buffer: CellBuffer, file: StaticString = #filePath, line: UInt = #line) {
        let drawn = buffer.cells.map(\.character).filter(Glyphs.isLineDrawing)
        XCTAssertEqual(drawn.map(String.init).joined(), "", "line drawing on screen:\n\(buffer.text())", file: file, line: line)
    }

    /// The line the cursor stands on, and the text from the cursor to the end of that line.
    private func cursorLine(_ buffer: CellBuffer, file: StaticString = #filePath, line: UInt = #line) throws -> (line: String, fromCursor: String) {
        let cursor = try XCTUnwrap(buffer.cursor, "the plain display puts the cursor somewhere:\n\(buffer.text())", file: file, line: line)
        let text = String(buffer.text().split(separator: "\n", omittingEmptySubsequences: false)[cursor.y])
        let fromCursor = (cursor.x..<buffer.width).map { buffer[$0, cursor.y] }.filter { !$0.isContinuation }.map(\.character)
        return (text, String(fromCursor))
    }

    private func lines(_ buffer: CellBuffer) -> [String] {
        buffer.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testTheDossierListSignsTheSelectedAndMarkedRowsAndTheCursorIsOnTheSelectedOne() throws {
        let driver = try driver(try ListFixture.make(), userID: "usr-demo", today: DossierFixture.today)
        let selected = try XCTUnwrap(driver.screen.list.selectedRow?.displayName)
        var buffer = driver.buffer
        assertNoLineDrawing(buffer)
        var (line, fromCursor) = try cursorLine(buffer)
        XCTAssertTrue(fromCursor.hasPrefix(">"), "the cursor is on the > of the selected row: \(line)")
        XCTAssertTrue(line.contains(selected), "the cursor's line is \(selected)'s: \(line)")
        XCTAssertEqual(lines(buffer).filter { $0.hasPrefix(">") }.count, 1, "one row has the sign:\n\(buffer.text())")

        // Space marks the row (a * after the sign) and Down moves the sign and the cursor.
        driver.press("Space")
        driver.press("Down")
        buffer = driver.buffer
        let marked = try XCTUnwrap(lines(buffer).first { $0.contains(selected) })
        XCTAssertTrue(marked.hasPrefix(" *"), "the marked row shows * without the colour: \(marked)")
        (line, fromCursor) = try cursorLine(buffer)
        XCTAssertTrue(fromCursor.hasPrefix(">"), line)
        XCTAssertEqual(driver.screen.list.selectedRow.map { line.contains($0.displayName) }, true, line)
        XCTAssertEqual(buffer.cursor?.y, lines(buffer).firstIndex { $0.hasPrefix(">") }, buffer.text())

        // Without --plain the list is drawn as before and the cursor stays hidden.
        let ordinary = try self.driver(try ListFixture.make(), userID: "usr-demo", today: DossierFixture.today, plain: false)
        XCTAssertNil(ordinary.buffer.cursor)
        XCTAssertFalse(lines(ordinary.buffer).contains { $0.hasPrefix(">") })
    }

    func testTheDossierShowsItsTabsInBracketsAndTheCursorFollowsTheTabThenTheSelectedRecord() throws {
        let driver = try driver(try DossierFixture.make(), userID: "usr-ac-1", today: DossierFixture.today)
        driver.type("vandenb")
        let rows = driver.screen.list.rows.map(\.displayName)
        let index = try XCTUnwrap(rows.firstIndex(of: "Van den Bossche, Éloïse"), "\(rows)")
        for _ in 0..<index { driver.press("Down") }
        driver.press("Enter")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
        var buffer = driver.buffer
        assertNoLineDrawing(buffer)
        var (line, fromCursor) = try cursorLine(buffer)
        XCTAssertTrue(fromCursor.hasPrefix("[Identité]"), "nothing else has the focus: the cursor is on the tab: \(line)")
        XCTAssertTrue(line.contains(" | "), "the tabs are parted by a plain bar: \(line)")

        driver.press("Tab", "Tab")
        buffer = driver.buffer
        assertNoLineDrawing(buffer)
        XCTAssertTrue(buffer.text().contains("[Prestations]"), buffer.text())
        (line, fromCursor) = try cursorLine(buffer)
        XCTAssertTrue(fromCursor.hasPrefix(">"), "the cursor is on the selected record: \(line)")
        driver.press("Down")
        let (next, fromNext) = try cursorLine(driver.buffer)
        XCTAssertNotEqual(next, line, "Down moves the cursor with the selection")
        XCTAssertTrue(fromNext.hasPrefix(">"), "and the sign: \(next)")
        XCTAssertFalse(driver.screenText.contains(line), "the sign left the record before:\n\(driver.screenText)")
    }

    func testTheAbsenceFormPutsTheCursorInTheFocusedFieldAndTheSavedMessageIsOneWholeLine() throws {
        let driver = try driver(try DossierFixture.make(), userID: DossierFixture.timeManager.id, today: DossierFixture.today)
        driver.type("lefevre franc")
        driver.press("Enter")
        driver.press("F7")
        XCTAssertTrue(driver.screen.top is AbsenceFormScreen, driver.screenText)
        var (line, _) = try cursorLine(driver.buffer)
        XCTAssertTrue(line.contains("| > Type"), "the first field has the sign and the cursor: \(line)")
        driver.press("Tab")
        driver.type("2303")
        var buffer = driver.buffer
        assertNoLineDrawing(buffer)
        (line, _) = try cursorLine(buffer)
        XCTAssertTrue(line.contains("| > Du"), "the cursor moved to the focused field: \(line)")
        let cursor = try XCTUnwrap(buffer.cursor)
        XCTAssertTrue(String(buffer[cursor.x - 1, cursor.y].character).allSatisfy(\.isNumber),
                      "the cursor stands after what was typed: \(line)")
        XCTAssertEqual(buffer[cursor.x, cursor.y].character, " ", "no caret glyph: the cursor is the caret")
        XCTAssertEqual(lines(buffer).filter { $0.contains("| > ") }.count, 1, "one field has the sign:\n\(buffer.text())")

        driver.type("2026")
        driver.press("Tab")
        driver.type("25032026")
        driver.press("F2")
        buffer = driver.buffer
        assertNoLineDrawing(buffer)
        XCTAssertEqual(lines(buffer)[22], "Fait : Congé annuel du 23/03/2026 au 25/03/2026 enregistré ; en attente d'envoi.",
                       "the message line, whole, headed by a word:\n\(buffer.text())")

        // A refusal is headed by "Erreur :" on the message line, the field's problem under it.
        driver.press("F7", "Tab")
        driver.type("25032026")
        driver.press("Tab")
        driver.type("27032026")
        driver.press("F2")
        buffer = driver.buffer
        assertNoLineDrawing(buffer)
        let message = lines(buffer).filter { $0.hasPrefix("Erreur :") }
        XCTAssertEqual(message.count, 1, buffer.text())
        (line, _) = try cursorLine(buffer)
        XCTAssertTrue(line.contains("| > Du"), "the focus and the cursor go to the field the rule is about: \(line)")
    }

    func testTheValidationQueueSignsTheSelectedAndMarkedEntries() throws {
        let driver = try driver(try QueueFixture.make(), userID: "usr-demo", today: QueueFixture.today)
        driver.press("Alt+v")
        let screen = try XCTUnwrap(driver.screen.top as? QueuesScreen, driver.screenText)
        var buffer = driver.buffer
        assertNoLineDrawing(buffer)
        XCTAssertTrue(buffer.text().contains("[Val. (5)]"), buffer.text())
        var (line, fromCursor) = try cursorLine(buffer)
        XCTAssertTrue(fromCursor.hasPrefix("> "), "the cursor is on the selected entry: \(line)")
        let first = line
        // Space marks the entry and goes to the next one: the mark is a *, the sign and the cursor move on.
        driver.press("Space")
        XCTAssertEqual(screen.marked.count, 1)
        buffer = driver.buffer
        assertNoLineDrawing(buffer)
        XCTAssertEqual(lines(buffer).filter { $0.hasPrefix(" *") }.map { $0.dropFirst(2) }, [first.dropFirst(2)],
                       "the marked entry shows * without the colour:\n\(buffer.text())")
        (line, fromCursor) = try cursorLine(buffer)
        XCTAssertTrue(fromCursor.hasPrefix("> "), "the cursor went down with the selection: \(line)")
        XCTAssertNotEqual(line.dropFirst(2), first.dropFirst(2))
        // Up again: the marked and selected entry shows both signs.
        driver.press("Up")
        (line, fromCursor) = try cursorLine(driver.buffer)
        XCTAssertTrue(fromCursor.hasPrefix(">*"), "selected and marked: \(line)")
    }

    func testASyncGoingOfflineOrOnlineIsToldOnTheMessageLine() throws {
        let driver = try driver(try ListFixture.make(), userID: "usr-demo", today: DossierFixture.today)
        let app = driver.screen
        app.showSyncStatus(SyncBadgeState(isOnline: false))
        XCTAssertFalse(driver.screenText.contains("Synchronisation :"), "the first state is the badge's alone")
        app.showSyncStatus(SyncBadgeState(isOnline: true))
        XCTAssertEqual(lines(driver.buffer)[22], "Info : Synchronisation : en ligne, le serveur répond.", driver.screenText)
        driver.press("Down")
        app.showSyncStatus(SyncBadgeState(isOnline: false, trouble: nil))
        XCTAssertEqual(lines(driver.buffer)[22], "Info : Synchronisation : hors ligne, vos changements attendent ici.", driver.screenText)
        // A message already on the line is not replaced; the badge still changes.
        app.showSyncStatus(SyncBadgeState(isOnline: true))
        XCTAssertTrue(lines(driver.buffer)[22].hasPrefix("Info : Synchronisation : hors ligne"), driver.screenText)
        assertNoLineDrawing(driver.buffer)
    }
}
