import FicheTerminal
import FicheTestSupport
import FicheWidgets
import XCTest

final class TableTests: XCTestCase {
    private let columns = [
        TableColumn(title: "Nom", minimumWidth: 10, weight: 2),
        TableColumn(title: "N°", minimumWidth: 6, alignRight: true),
        TableColumn(title: "Catégorie", minimumWidth: 8, weight: 1),
    ]

    func testSpareWidthGoesToWeightedColumnsAndEveryColumnFits() {
        let table = Table(columns: columns, rows: [], selectedRow: nil)
        let widths = table.columnWidths(totalWidth: 40)
        XCTAssertEqual(widths.reduce(0, +) + 2, 40)
        XCTAssertEqual(widths[1], 6)
        XCTAssertGreaterThan(widths[0], widths[2])
        XCTAssertEqual(table.columnWidths(totalWidth: 20).reduce(0, +) + 2, 20)
    }

    func testRowsAreCutToTheirColumnsAndTheSelectionIsHighlighted() {
        let table = Table(columns: columns, rows: [["Van den Bossche, Éloïse", "12", "Statutaire"], ["Peeters, Jan", "7", "ACS"]],
                          selectedRow: 1)
        var buffer = CellBuffer(size: Size(width: 30, height: 3))
        table.render(into: &buffer, rect: buffer.bounds)
        // Widths at 30 columns: Nom 12, N° 6 (right-aligned), Catégorie 10.
        XCTAssertEqual(buffer.text(), [
            "Nom              N° Catégorie",
            "Van den Bos…     12 Statutaire",
            "Peeters, Jan      7 ACS",
        ].joined(separator: "\n"))
        XCTAssertEqual(buffer[0, 2].role, .selected)
        XCTAssertEqual(buffer[0, 1].role, .normal)
    }
}
