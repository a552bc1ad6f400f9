import Foundation

/// Reads the strict subset of TOML that Fiche's rule, theme and keymap files use; every
/// error is a `FileIssue` naming the file and the line, found by the reader as it reads.
///
/// Supported: `# comments`, bare and quoted keys, dotted keys, `[tables]`, `[[arrays of tables]]`
/// (nested ones attach to the last element), basic `"strings"` with escapes, literal
/// `'strings'`, integers (with `_`), floats, booleans, local dates `2025-03-01`, arrays
/// (may span lines, trailing comma allowed) and single-line inline tables `{ a = 1 }`.
/// Not supported, and reported as errors: multi-line strings, date-times and times,
/// `inf`/`nan`, hexadecimal/octal/binary integers, values nested more than
/// `TOMLParser.maximumDepth` deep. Duplicate keys and tables are errors.
///
/// ```swift
/// let table = try TOMLReader.parse("[[absence_type]]\ncode = \"sick\"\n", file: "absence-types.toml")
/// try table.tables("absence_type")[0].string("code")   // "sick"
/// ```
public enum TOMLReader {
    /// Parses `text`; `file` names the source in error messages.
    public static func parse(_ text: String, file: String) throws(FileIssue) -> TOMLTable {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }   // a byte-order mark, as some editors write
        var parser = TOMLParser(scalars: scalars, file: file)
        return try parser.parseDocument()
    }

    /// Reads and parses the UTF-8 file at `url`, naming it `file` in messages.
    public static func parse(contentsOf url: URL, file: String) throws(FileIssue) -> TOMLTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FileIssue(file: file, line: 0, message: "cannot be read (\(error.localizedDescription))")
        }
        return try parse(decodeUTF8(data, file: file), file: file)
    }

    /// The text of `data`, or an issue on the line of the first byte that is not UTF-8.
    private static func decodeUTF8(_ data: Data, file: String) throws(FileIssue) -> String {
        var bytes = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        var text = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                text.append(scalar)
            case .emptyInput:
                return String(text)
            case .error:
                throw FileIssue(file: file, line: line, message: "this line is not UTF-8 text; save the file as UTF-8")
            }
        }
    }
}
