/// RFC 4180 CSV: reading (quoted fields, doubled quotes, CRLF or LF) and writing, with `,` or
/// another separator (`;` for spreadsheets set to a decimal comma).
///
/// Every field goes through `SpreadsheetText`: written with a quote before a text a spreadsheet
/// would run as a formula, read back without it.
public enum CSVTable {
    /// A file that is not CSV: what is wrong and on which line.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public let line: Int
        public let description: String
    }

    /// Rows of fields with the file line each row starts on (1-based); a formula's escape is taken off.
    public static func parse(_ text: String, separator: Unicode.Scalar = ",") throws(Malformed) -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endField() {
            fields.append(SpreadsheetText.unescaped(field))
            field = ""
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
            fields = []
            field = ""
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
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
        if inQuotes { throw Malformed(line: rowLine, description: "line \(rowLine): a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty { endRow() }
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
