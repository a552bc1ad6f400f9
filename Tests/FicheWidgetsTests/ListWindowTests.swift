import FicheWidgets
import XCTest

/// A list source over an array: the real thing for any list already in memory.
private struct NumberedList: PagedSource {
    let count: Int

    func rows(after row: Int?, limit: Int) throws -> [Int] {
        let start = (row ?? -1) + 1
        return Array(start..<min(count, start + limit))
    }

    func rows(before row: Int?, limit: Int) throws -> [Int] {
        let end = row ?? count
        return Array(max(0, end - limit)..<end)
    }
}

final class ListWindowTests: XCTestCase {
    func testMovingDownScrollsOneRowAtTheBottomAndStopsAtTheEnd() throws {
        let source = NumberedList(count: 12)
        var window = ListWindow<Int>(height: 5)
        try window.moveToStart(in: source)
        XCTAssertEqual(window.rows, [0, 1, 2, 3, 4])
        for _ in 0..<5 { try window.moveDown(in: source) }
        XCTAssertEqual(window.rows, [1, 2, 3, 4, 5])
        XCTAssertEqual(window.selectedRow, 5)
        for _ in 0..<20 { try window.moveDown(in: source) }
        XCTAssertEqual(window.rows, [7, 8, 9, 10, 11])
        XCTAssertEqual(window.selectedRow, 11)
    }

    func testPagingMovesAScreenAndStopsAtBothEnds() throws {
        let source = NumberedList(count: 12)
        var window = ListWindow<Int>(height: 5)
        try window.moveToStart(in: source)
        try window.pageDown(in: source)
        XCTAssertEqual(window.rows, [5, 6, 7, 8, 9])
        try window.pageDown(in: source)
        XCTAssertEqual(window.rows, [7, 8, 9, 10, 11])
        XCTAssertEqual(window.selectedRow, 11)
        try window.pageUp(in: source)
        try window.pageUp(in: source)
        try window.pageUp(in: source)
        XCTAssertEqual(window.rows, [0, 1, 2, 3, 4])
        XCTAssertEqual(window.selectedRow, 0)
    }

    func testResizingKeepsTheSelectedRowOnScreen() throws {
        let source = NumberedList(count: 100)
        var window = ListWindow<Int>(height: 10)
        try window.moveToStart(in: source)
        for _ in 0..<9 { try window.moveDown(in: source) }
        try window.resize(to: 4, in: source)
        XCTAssertEqual(window.rows.count, 4)
        XCTAssertEqual(window.selectedRow, 9)
        try window.resize(to: 20, in: source)
        XCTAssertEqual(window.rows.count, 20)
        XCTAssertEqual(window.selectedRow, 9)
    }

    func testResizingAtTheEndOfTheListFillsFromAbove() throws {
        let source = NumberedList(count: 30)
        var window = ListWindow<Int>(height: 5)
        try window.moveToEnd(in: source)
        try window.resize(to: 8, in: source)
        XCTAssertEqual(window.rows, Array(22..<30))
        XCTAssertEqual(window.selectedRow, 29)
    }

    func testAnEmptyListHasNoSelection() throws {
        var window = ListWindow<Int>(height: 5)
        try window.moveToStart(in: NumberedList(count: 0))
        try window.moveDown(in: NumberedList(count: 0))
        try window.pageDown(in: NumberedList(count: 0))
        XCTAssertNil(window.selectedRow)
    }
}
