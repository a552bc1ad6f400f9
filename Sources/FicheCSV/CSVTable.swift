import Foundation

/// RFC 4180 CSV: reading (quoted fields, doubled quotes, CRLF or LF) and writing, with `,` or
/// another separator (`;` for spreadsheets set to a decimal comma).
///
/// Every field goes through `SpreadsheetText`: written with a quote before a text a spreadsheet
/// would run as a formula, read back without it.
///
/// ```swift
/// try CSVTable.parse("\u{FEFF}nom;note\r\nDe Coster;\"a;b\"\r\n", separator: ";")
/// // [(line: 1, fields: ["nom", "note"]), (line: 2, fields: ["De Coster", "a;b"])]
/// ```
public enum CSVTable {
    /// A file that is not CSV: what is wrong and on which line.
    public struct Malformed: Error, CustomStringConvertible, Sendable, Equatable {
        public let line: Int
        public let reason: CSVMalformation

        public init(line: Int, reason: CSVMalformation) {
            self.line = line
            self.reason = reason
        }

        /// `line 2: a quoted field is not closed`.
        public var description: String { "line \(line): \(reason)" }
    }

    /// Rows of fields with the file line each row starts on (1-based); a formula's escape is taken off.
    ///
    /// A byte order mark at the start is skipped, and so are blank lines. Rows keep the number
    /// of fields they have: a short or long row is the caller's to report.
    ///
    /// - Throws: `Malformed` for a quoted field that is not closed, text after a closing quote,
    ///   or a NUL character (a binary file, not text).
    public static func parse(_ text: String, separator: Unicode.Scalar = ",") throws(Malformed) -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var closedQuote = false
        var line = 1
        var rowLine = 1
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endField() {
            fields.append(SpreadsheetText.unescaped(field))
            field = ""
            closedQuote = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
            fields = []
        }
        while let scalar = pending {
            pending = iterator.next()
            if scalar == "\u{0}" { throw Malformed(line: line, reason: .nulCharacter) }
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                        closedQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            if closedQuote, scalar != separator, scalar != "\r", scalar != "\n" {
                throw Malformed(line: line, reason: .textAfterQuote)
            }
            switch scalar {
            case "\"" where field.isEmpty: inQuotes = true
            case separator: endField()
            case "\r": continue
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw Malformed(line: rowLine, reason: .unclosedQuote) }
        if !field.isEmpty || closedQuote || !fields.isEmpty { endRow() }
        return rows
    }

    /// One CSV line (no line end), quoting fields that need it and escaping formulas (`SpreadsheetText`).
    public static func line(_ fields: [String], separator: Character = ",") -> String {
        fields.map { value in
            let field = SpreadsheetText.escaped(value)
            if field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: String(separator))
    }
}
