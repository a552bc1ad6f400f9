@testable import FicheDomain
import XCTest

final class TOMLReaderTests: XCTestCase {
    func testReadsTheSubset() throws {
        let text = """
        # comment
        title = "Règles d'Ixelles"   # trailing comment
        count = 1_000
        negative = -12
        ratio = 2.1223
        on = true
        since = 2025-03-01
        literal = 'C:\\path'
        escaped = "tab\\there \\"quoted\\" \\u00e9"
        "quoted key" = 1
        list = [
          "a",
          "b", # comment inside
        ]
        inline = { fr = "Grève", nl = "Staking" }
        dotted.key = 3

        [section]
        name = "x"

        [[item]]
        code = "one"
        [item.sub]
        value = 1

        [[item]]
        code = "two"
        [[item.band]]
        n = 1
        [[item.band]]
        n = 2
        """
        let root = try TOMLReader.parse(text, file: "test.toml")
        XCTAssertEqual(try root.string("title"), "Règles d'Ixelles")
        XCTAssertEqual(try root.integer("count"), 1000)
        XCTAssertEqual(try root.integer("negative"), -12)
        XCTAssertEqual(try root.number("ratio"), 2.1223)
        XCTAssertEqual(try root.boolean("on"), true)
        XCTAssertEqual(try root.date("since").iso, "2025-03-01")
        XCTAssertEqual(try root.string("literal"), "C:\\path")
        XCTAssertEqual(try root.string("escaped"), "tab\there \"quoted\" é")
        XCTAssertEqual(try root.integer("quoted key"), 1)
        XCTAssertEqual(try root.strings("list"), ["a", "b"])
        XCTAssertEqual(try root.table("inline").string("nl"), "Staking")
        XCTAssertEqual(try root.table("dotted").integer("key"), 3)
        XCTAssertEqual(try root.table("section").string("name"), "x")
        let items = try root.tables("item")
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(try items[0].table("sub").integer("value"), 1)
        XCTAssertEqual(try items[1].tables("band").map { try $0.integer("n") }, [1, 2])
        XCTAssertEqual(root.line(of: "count"), 3)
        XCTAssertEqual(items[1].line, 26)
    }

    func testErrorsNameFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("a = 1\na = 2", 2, "duplicate key 'a'"),
            ("[t]\n[t]", 2, "table [t] is defined twice"),
            ("a = \"open", 1, "unterminated string"),
            ("a = 1\nb = \"\"\"x\"\"\"", 2, "multi-line strings are not supported"),
            ("a = 2025-03-01T10:00:00", 1, "date-times"),
            ("a = 2025-02-30", 1, "not a valid date"),
            ("a = 01", 1, "leading zeros"),
            ("a = nan", 1, "is not a value"),
            ("a = 1 b = 2", 1, "unexpected 'b'"),
            ("\n\nlist = [1,\n2\n3]", 5, "expected ',' or ']'"),
            ("a = \"\\q\"", 1, "invalid escape"),
            ("a = 1\n[a]", 2, "is a value, not a table"),
            ("[[x]]\n[x]", 2, "is an array of tables"),
            ("= 1", 1, "where a key was expected"),
            ("a = { b = 1", 1, "inline table"),
            ("a = 1_", 1, "is not a value"),
            ("a = .5", 1, "is not a value"),
        ]
        for (text, line, message) in cases {
            XCTAssertThrowsError(try TOMLReader.parse(text, file: "f.toml"), text) { error in
                guard let error = error as? RuleFileError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.file, "f.toml")
                XCTAssertEqual(error.line, line, "\(text) → \(error)")
                XCTAssertTrue(error.message.contains(message), "\(text) → \(error)")
                XCTAssertTrue(error.description.hasPrefix("f.toml:\(line): "))
            }
        }
    }

    func testWindowsLineEnds() throws {
        let root = try TOMLReader.parse("# edited on Windows\r\na = 1\r\nlist = [\r\n  \"x\",\r\n]\r\n\r\nb = \"y\"\r\n",
                                        file: "crlf.toml")
        XCTAssertEqual(try root.integer("a"), 1)
        XCTAssertEqual(try root.strings("list"), ["x"])
        XCTAssertEqual(try root.string("b"), "y")
        XCTAssertEqual(root.line(of: "b"), 7)
    }

    func testTypedAccessorsPointAtTheKey() throws {
        let root = try TOMLReader.parse("a = 1\n\nb = \"x\"\n", file: "r.toml")
        XCTAssertThrowsError(try root.integer("b")) { error in
            XCTAssertEqual((error as? RuleFileError)?.description, "r.toml:3: key 'b' must be an integer, found string")
        }
        XCTAssertThrowsError(try root.string("missing")) { error in
            XCTAssertEqual((error as? RuleFileError)?.description, "r.toml:1: missing key 'missing'")
        }
        XCTAssertThrowsError(try root.checkKeys(["a"], in: "test")) { error in
            XCTAssertEqual((error as? RuleFileError)?.description, "r.toml:3: unknown key 'b' in test")
        }
    }
}
