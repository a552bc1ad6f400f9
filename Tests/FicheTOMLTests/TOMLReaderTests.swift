import FicheTOML
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
        XCTAssertEqual(root["since"], .date(try XCTUnwrap(TOMLDate(year: 2025, month: 3, day: 1))))
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
                guard let error = error as? FileIssue else { return XCTFail("\(error)") }
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
            XCTAssertEqual((error as? FileIssue)?.description, "r.toml:3: key 'b' must be an integer, found string")
        }
        XCTAssertThrowsError(try root.string("missing")) { error in
            XCTAssertEqual((error as? FileIssue)?.description, "r.toml:1: missing key 'missing'")
        }
        XCTAssertThrowsError(try root.checkKeys(["a"], in: "test")) { error in
            XCTAssertEqual((error as? FileIssue)?.description, "r.toml:3: unknown key 'b' in test")
        }
    }

    func testEveryItemOfAnArrayAndEveryKeyOfAnInlineTableKnowsItsLine() throws {
        let text = """
        [list]
        "list.down" = ["j",
                       "Down",

                       "Ctrl+N"]
        role = { fg = "white", attrs = ["bold"] }
        [[band]]
        n = 1
        [[band]]
        n = 2
        """
        let root = try TOMLReader.parse(text, file: "k.toml")
        let list = try root.table("list")
        XCTAssertEqual(list.line, 1)
        XCTAssertEqual(list.line(of: "list.down"), 2)
        XCTAssertEqual((0..<3).map { list.line(of: "list.down", item: $0) }, [2, 3, 5])
        XCTAssertEqual(list.line(of: "list.down", item: 7), 2, "no such item: the key's line")
        XCTAssertEqual(try list.table("role").line(of: "attrs"), 6)
        XCTAssertEqual((0..<2).map { root.line(of: "band", item: $0) }, [7, 9])
    }

    func testAByteOrderMarkIsSkipped() throws {
        let root = try TOMLReader.parse("\u{FEFF}name = \"x\"\n", file: "bom.toml")
        XCTAssertEqual(try root.string("name"), "x")
    }

    func testAFileThatIsNotUTF8NamesTheLineOfTheFirstBadByte() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-toml-\(UUID().uuidString).toml")
        try Data("a = 1\nb = \"caf".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try TOMLReader.parse(contentsOf: url, file: "latin1.toml")) { error in
            XCTAssertEqual("\(error)", "latin1.toml:2: this line is not UTF-8 text; save the file as UTF-8")
        }
        XCTAssertThrowsError(try TOMLReader.parse(contentsOf: url.appendingPathExtension("gone"), file: "gone.toml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("gone.toml: cannot be read"), "\(error)")
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deepArray = "a = " + String(repeating: "[", count: 100_000)
        let deepTable = "a = " + String(repeating: "{ b = ", count: 100_000)
        let longKey = (0..<100_000).map { "k\($0)" }.joined(separator: ".") + " = 1"
        for (text, message) in [(deepArray, "nest more than 64 deep"), (deepTable, "nest more than 64 deep"),
                                (longKey, "more than 64 dotted parts"), ("[" + longKey.dropLast(4) + "]", "more than 64 dotted parts")] {
            XCTAssertThrowsError(try TOMLReader.parse(text, file: "deep.toml")) { error in
                XCTAssertTrue("\(error)".hasPrefix("deep.toml:1: "), "\(error)")
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }
}
