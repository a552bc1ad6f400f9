import FicheSyncProtocol
import XCTest

/// The rows a snapshot page carries, held as one table: what is read from it is what was put in.
final class TextTableTests: XCTestCase {
    func testRowsOfDifferentShapesShareTheColumnsAndKeepNulls() {
        let rows: [[String: String?]] = [
            ["id": "D-1", "iban": "BE71 0961 2345 6769", "grade": nil],
            ["id": "D-2", "note": "Rue Haute 1\n1000 Bruxelles"],
        ]
        let table = TextTable(rows: rows)
        XCTAssertEqual(table.columns, ["grade", "iban", "id", "note"])
        XCTAssertEqual(table.rowCount, 2)
        XCTAssertEqual(table[0, "iban"], "BE71 0961 2345 6769")
        XCTAssertNil(table[0, "grade"], "a NULL stays NULL")
        XCTAssertNil(table[1, "iban"], "a field a row lacks reads as NULL")
        XCTAssertNil(table[0, "no_such_column"])
        XCTAssertEqual(table.dictionaries[1]["note"], .some("Rue Haute 1\n1000 Bruxelles"))
        XCTAssertEqual(TextTable(rows: table.dictionaries), table, "back to dictionaries and again: the same table")
    }

    func testEditsBeforeSendingLeaveTheOtherValuesInPlace() {
        var table = TextTable(columns: ["id", "niss", "deleted_at"])
        for index in 1...4 { table.append(["D-\(index)", "8507300010\(index)", index == 3 ? "2026-01-01" : nil]) }
        table[1, 1] = "85.07.30-***.**"
        table.removeColumns(["deleted_at"])
        table.filterRows { $0 != 2 }
        table.truncateRows(to: 2)
        XCTAssertEqual(table, TextTable(columns: ["id", "niss"], values: ["D-1", "85073000101", "D-2", "85.07.30-***.**"]))
        XCTAssertEqual(Array(table.row(1)), ["D-2", "85.07.30-***.**"])
        XCTAssertEqual(table.values.count, 4)
    }
}
