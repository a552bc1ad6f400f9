import FicheTerminal
import FicheWidgets
import Foundation
import XCTest

/// The widgets drawn with `Glyphs.plain` (`fiche --plain`): ASCII frames and bars, a `>` before
/// the selected row, the cursor on the focus, and a message as plain lines headed by a word.
final class PlainGlyphsTests: XCTestCase {
    private func buffer(_ width: Int = 40, _ height: Int = 8) -> CellBuffer {
        CellBuffer(size: Size(width: width, height: height), glyphs: .plain)
    }

    func testADialogFrameIsDrawnInASCIIAndTakesTheCursorOnItsTitle() {
        var buffer = buffer()
        let inside = Panel(title: "Motif", width: 20, height: 4).render(into: &buffer, in: buffer.bounds)
        let lines = buffer.text().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[2], "          +- Motif ----------+")
        XCTAssertEqual(lines[3], "          |                  |")
        XCTAssertEqual(lines[5], "          +------------------+")
        XCTAssertEqual(buffer.cursor, CellPosition(x: 13, y: 2), "on the title, for a reader to say what opened")
        XCTAssertEqual(inside.width, 16)
    }

    func testWhateverAWidgetWritesNoBoxOrBlockCharacterReachesAPlainBuffer() {
        var buffer = buffer()
        buffer.write("┌─┬─┐│╞═╡ " + BarChart.bar(value: 55, maximum: 100, width: 10) + " ░▒▓ ▁▇ ⇡⇣ ▲▼", x: 0, y: 0, role: .normal)
        XCTAssertEqual(buffer.text().split(separator: "\n").first, "+-+-+|+-+ ###### .:# _# ^v ^v")
        XCTAssertFalse(buffer.cells.contains { Glyphs.isLineDrawing($0.character) }, buffer.text())
        var ordinary = CellBuffer(size: Size(width: 10, height: 1))
        ordinary.write("┌─┐", x: 0, y: 0, role: .normal)
        XCTAssertEqual(ordinary.text(), "┌─┐", "the ordinary display keeps its box drawing")
    }

    /// The signs of statuses and messages are ASCII too: a reader says "plus", "x", "!" rather
    /// than nothing or a symbol's long name; text with accents stays as it is.
    func testStatusAndMessageSignsBecomeASCIIAndAccentedTextStays() {
        var buffer = buffer()
        buffer.write("✔ validée ✖ refusée ⚠ échue ● ○ • ✓ ✗", x: 0, y: 0, role: .normal)
        XCTAssertEqual(buffer.text().split(separator: "\n").first, "+ validée x refusée ! échue * o * + x")
    }

    func testTheSelectedRowHasTheSignAndTheCursorAndAMarkedRowItsStar() {
        var buffer = buffer(30, 4)
        let table = Table(columns: [TableColumn(title: "Nom", minimumWidth: 10, weight: 1)],
                          rows: [TableRow(["Peeters"]), TableRow(["Dubois"], isMarked: true), TableRow(["Janssens"])],
                          selectedRow: 2)
        table.render(into: &buffer, rect: buffer.bounds)
        XCTAssertEqual(buffer.text(), "    Nom\n    Peeters\n *  Dubois\n>   Janssens")
        XCTAssertEqual(buffer.cursor, CellPosition(x: 0, y: 3))
        var tabs = self.buffer(40, 1)
        TabBar(titles: ["Identité", "Carrière"], selected: 1).render(into: &tabs, rect: tabs.bounds)
        XCTAssertEqual(tabs.text(), " Identité |[Carrière]")
        XCTAssertEqual(tabs.cursor, CellPosition(x: 11, y: 0), "on the current tab's bracket")
    }

    func testAMessageIsItsWordAndItsTextFromTheFirstColumn() {
        let toast = Toast("La date est fermée pour la paie de mars et ne peut plus changer", kind: .error)
        XCTAssertEqual(toast.lines(width: 40, word: "Erreur :"),
                       ["Erreur : La date est fermée pour la paie", "de mars et ne peut plus changer"])
        var buffer = buffer(40, 4)
        toast.render(into: &buffer, endingOn: 2, width: 40, maxLines: 2, word: "Erreur :")
        XCTAssertEqual(buffer.text(), "\nErreur : La date est fermée pour la paie\nde mars et ne peut plus changer\n")
    }
}
