import Foundation

/// A CSV file as offices write it, read whole: the separator found in its header, the header,
/// and the rows below it, each with the line it starts on.
///
/// Takes what `CSVText.decode` gives (UTF-8 with or without a byte order mark, Windows-1252),
/// with CRLF, LF or CR line ends (Excel for Mac's "CSV (Macintosh)") and `;`, `,` or a tab
/// between fields (`CSVSeparator`). A formula's escape is
/// taken off every field (`SpreadsheetText`), so an export reads back to the values it wrote.
///
/// ```swift
/// let sheet = try CSVSheet.read("dossier_number;hours\r\nAC-000101;7,6\r\n")
/// sheet.separator          // ";"
/// sheet.rows[0].fields     // ["AC-000101", "7,6"]
/// ```
public struct CSVSheet: Sendable {
    public let separator: Unicode.Scalar
    /// The first row; nil for a file with no row at all.
    public let header: (line: Int, fields: [String])?
    /// The rows after the header.
    public let rows: [(line: Int, fields: [String])]

    /// Reads `text`, finding its separator in the header line.
    ///
    /// - Throws: `CSVTable.Malformed` for a header with both separators, or text that is not CSV.
    public static func read(_ text: String) throws(CSVTable.Malformed) -> CSVSheet {
        // A CR alone ends a line too. (`contains` sees a CR LF as one character: only lone CRs match.)
        let text = text.contains("\r")
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        let separator = try CSVSeparator.detect(in: text)
        let table = try CSVTable.parse(text, separator: separator)
        return CSVSheet(separator: separator, header: table.first, rows: Array(table.dropFirst()))
    }

    /// The header's names, trimmed and lower-cased: `Dossier_Number ` finds `dossier_number`.
    public var columnNames: [String] {
        (header?.fields ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// Whether `fields` has one value per column, and if not, the likely reason.
    public func shape(of fields: [String]) -> CSVRowShape {
        let columns = header?.fields.count ?? 0
        if fields.count == columns { return .fits }
        if fields.count > columns { return .tooMany(fields: fields.count, columns: columns) }
        let expected = Character(separator)
        let others = CSVSeparator.candidates.filter { $0 != separator }.map { Character($0) }
        if let other = others.first(where: { other in fields.contains { $0.contains(other) } }) {
            return .otherSeparator(found: other, expected: expected)
        }
        return .tooFew(fields: fields.count, columns: columns)
    }
}
