import FicheTerminal
import XCTest

final class CellBufferTests: XCTestCase {
    func testWritingStopsAtTheEdgeAndAWideCharacterNeverHalfShows() {
        var buffer = CellBuffer(size: Size(width: 6, height: 2))
        XCTAssertEqual(buffer.write("Noël Peeters", x: 0, y: 0, role: .normal), 6)
        buffer.write("ab日本", x: 0, y: 1, role: .normal, maxWidth: 5)
        XCTAssertEqual(buffer.text(), "Noël P\nab日")
        XCTAssertTrue(buffer[3, 1].isContinuation)
        XCTAssertEqual(buffer[4, 1].character, " ")
    }

    func testCombiningAccentsStayInOneCell() {
        var buffer = CellBuffer(size: Size(width: 10, height: 1))
        buffer.write("E\u{301}loi\u{308}se", x: 0, y: 0, role: .normal)
        XCTAssertEqual(buffer.text(), "E\u{301}loi\u{308}se")
        XCTAssertEqual(buffer[6, 0].character, " ")
    }

    func testTheStyleLayerListsWhatStandsOut() {
        var buffer = CellBuffer(size: Size(width: 10, height: 3))
        buffer.fill(buffer.bounds.line(0), role: .header)
        buffer.write("abc", x: 2, y: 2, role: .selected)
        XCTAssertEqual(buffer.styleLayer(), "0: 0-9 header\n2: 2-4 selected")
    }

    func testThemesFallBackToTheParentRoleThenNormal() {
        let theme = Theme(name: "t", styles: [.normal: .plain, "row": Style(bold: true)])
        XCTAssertEqual(theme.style(for: "row.pending"), Style(bold: true))
        XCTAssertEqual(theme.style(for: "chart.bar"), .plain)
    }
}
