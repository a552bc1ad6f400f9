import FicheCSV
import XCTest

/// Files as spreadsheets and badge readers write them are read into the rows a clerk sees in
/// the spreadsheet; files that are not CSV are refused with the line to look at.
final class CSVTableTests: XCTestCase {
    private func fields(_ text: String, separator: Unicode.Scalar = ",") throws -> [[String]] {
        try CSVTable.parse(text, separator: separator).map(\.fields)
    }

    private func malformed(_ text: String, separator: Unicode.Scalar = ",", file: StaticString = #filePath,
                           line: UInt = #line) -> CSVTable.Malformed? {
        do {
            let rows = try CSVTable.parse(text, separator: separator)
            XCTFail("read as \(rows.map(\.fields)), expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testSemicolonAndCommaSeparateFields() throws {
        XCTAssertEqual(try fields("dossier_number;hours\nAC-000101;18,5\n", separator: ";"),
                       [["dossier_number", "hours"], ["AC-000101", "18,5"]], "a decimal comma stays in its field")
        XCTAssertEqual(try fields("dossier_number,hours\nAC-000101,18.5\n"),
                       [["dossier_number", "hours"], ["AC-000101", "18.5"]])
        XCTAssertEqual(try fields("a;b,c\n", separator: ","), [["a;b", "c"]], "only the chosen separator splits")
        XCTAssertEqual(try fields(";;\n", separator: ";"), [["", "", ""]], "empty fields are kept")
    }

    func testQuotedFieldsKeepSeparatorsQuotesAndLineBreaks() throws {
        let text = "name;address;note\n"
            + "\"De Coster; Marie\";\"Rue Haute 1\n1000 Bruxelles\";\"Elle a dit \"\"oui\"\"\"\n"
            + "Peeters;\"\";plain\n"
        let rows = try CSVTable.parse(text, separator: ";")
        XCTAssertEqual(rows.map(\.fields), [
            ["name", "address", "note"],
            ["De Coster; Marie", "Rue Haute 1\n1000 Bruxelles", "Elle a dit \"oui\""],
            ["Peeters", "", "plain"],
        ])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4], "a line break inside quotes moves the next row's line")
    }

    func testAByteOrderMarkAndWindowsLineEndsAreNotPartOfTheValues() throws {
        let text = "\u{FEFF}dossier_number;type\r\nAC-000101;annual_leave\r\nAC-000102;\"sick\r\nleave\"\r\n"
        let rows = try CSVTable.parse(text, separator: ";")
        XCTAssertEqual(rows.first?.fields.first, "dossier_number", "the header's first column is found by its name")
        XCTAssertEqual(rows.map(\.fields), [["dossier_number", "type"], ["AC-000101", "annual_leave"], ["AC-000102", "sick\r\nleave"]])
        XCTAssertEqual(try fields("\u{FEFF}"), [], "a file with only a byte order mark has no rows")
    }

    func testBlankLinesAreNoRows() throws {
        XCTAssertEqual(try CSVTable.parse("a,b\n1,2\n\n\r\n\n").map(\.fields), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(try CSVTable.parse("a,b\n\n1,2").map(\.line), [1, 3], "the last row needs no line end")
        XCTAssertEqual(try fields(""), [])
    }

    func testARaggedRowIsKeptAsItIsWithItsLine() throws {
        let rows = try CSVTable.parse("a,b,c\n1,2\n3,4,5,6\n7,8,9\n")
        XCTAssertEqual(rows.map(\.fields.count), [3, 2, 4, 3])
        XCTAssertEqual(rows.map(\.line), [1, 2, 3, 4])
        XCTAssertEqual(rows[2].fields, ["3", "4", "5", "6"])
    }

    func testAValueWrittenAsALineReadsBackTheSame() throws {
        let values = ["De Coster; Marie", "a,b", "Elle a dit \"oui\"", "Rue Haute 1\n1000 Bruxelles", "", " spaced ", "Éloïse"]
        for separator in [",", ";"] as [Character] {
            let text = CSVTable.line(values, separator: separator) + "\r\n" + CSVTable.line(["x"], separator: separator) + "\r\n"
            XCTAssertEqual(try fields(text, separator: separator.unicodeScalars.first ?? ","), [values, ["x"]], text)
        }
    }

    func testATruncatedFileIsAnErrorOnTheLineOfTheOpenQuote() {
        XCTAssertEqual(malformed("a,b\n1,\"Rue Haute 1\n1000 Bruxel")?.line, 2)
        XCTAssertEqual(malformed("a,b\n1,\"Rue Haute 1\n1000 Bruxel")?.description, "line 2: a quoted field is not closed")
        XCTAssertEqual(malformed("\"")?.line, 1)
        // Every prefix of a valid file is read or refused, never a crash or a row made of half a quote.
        let file = "name;note\r\n\"De Coster; Marie\";\"Elle a dit \"\"oui\"\"\"\r\nPeeters;\"x\ny\"\r\n"
        let scalars = Array(file.unicodeScalars)
        for end in 0...scalars.count {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[..<end])
            do {
                let rows = try CSVTable.parse(prefix, separator: ";")
                XCTAssertTrue(rows.allSatisfy { !$0.fields.contains { $0.contains(";") && $0 != "De Coster; Marie" } }, prefix)
            } catch {
                XCTAssertTrue((1...4).contains(error.line), "\(prefix): \(error)")
            }
        }
    }

    func testGarbageIsAnErrorNotACrash() {
        XCTAssertEqual(malformed("a,b\n\"De Coster\"x,1\n")?.description, "line 2: text after the closing quote of a field")
        XCTAssertEqual(malformed("PK\u{3}\u{4}\u{0}\u{0}binary")?.description, "line 1: a NUL character: this is not a text file",
                       "a spreadsheet workbook given instead of its CSV export")
        // Every short text of these characters is either read or refused with a line in the text.
        let alphabet: [Unicode.Scalar] = ["\"", ",", "\n", "\r", "a", "\u{FEFF}"]
        var texts: [String] = [""]
        for _ in 1...4 {
            texts = texts + texts.flatMap { text in alphabet.map { text + String(Character($0)) } }
        }
        for text in Set(texts) {
            let lines = text.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
            do {
                let rows = try CSVTable.parse(text)
                XCTAssertEqual(rows.map(\.line), rows.map(\.line).sorted(), text.debugDescription)
                XCTAssertTrue(rows.allSatisfy { (1...lines).contains($0.line) }, text.debugDescription)
            } catch {
                XCTAssertTrue((1...lines).contains(error.line), "\(text.debugDescription): \(error)")
            }
        }
    }
}
