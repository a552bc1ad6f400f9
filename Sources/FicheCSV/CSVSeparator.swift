/// Which character separates the fields of a file: `;` (Excel in Belgium, Fiche's own exports,
/// where the comma is the decimal sign) or `,` (the RFC, most badge readers).
///
/// Read from the header line, outside quotes: `;` when it has one, `,` otherwise. A header with
/// both is refused: the names Fiche expects hold neither, so one of them is a typing error and
/// choosing would misread every row.
///
/// ```swift
/// try CSVSeparator.detect(in: "\u{FEFF}dossier_number;hours\r\nAC-000101;7,6\r\n")   // ";"
/// try CSVSeparator.detect(in: "dossier_number,hours\n")                              // ","
/// ```
public enum CSVSeparator {
    /// The separators a file may use.
    public static let candidates: [Unicode.Scalar] = [";", ","]

    /// The separator of the first non-blank line of `text` (a byte order mark is skipped).
    ///
    /// - Throws: `CSVTable.Malformed` with `.mixedSeparators` when that line has both.
    public static func detect(in text: String) throws(CSVTable.Malformed) -> Unicode.Scalar {
        var found: Set<Unicode.Scalar> = []
        var inQuotes = false
        var line = 1
        var lineHasText = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
                lineHasText = true
                continue
            }
            if scalar == "\n" {
                if inQuotes { continue }
                if lineHasText { break }
                line += 1
                continue
            }
            guard !inQuotes, scalar != "\r", scalar != "\u{FEFF}" else { continue }
            lineHasText = true
            if candidates.contains(scalar) { found.insert(scalar) }
        }
        if found.count > 1 { throw CSVTable.Malformed(line: line, reason: .mixedSeparators) }
        return found.first ?? ","
    }
}
