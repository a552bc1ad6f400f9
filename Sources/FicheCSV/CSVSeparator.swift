/// Which character separates the fields of a file: `;` (Excel in Belgium, Fiche's own exports,
/// where the comma is the decimal sign), `,` (the RFC, most badge readers) or a tab (Excel's
/// "Text (Tab delimited)", a copy of cells).
///
/// Read from the header line, outside quotes: `;` when it has one, `,` when it has one, a tab
/// when it has neither but a tab, `,` otherwise. A header with both `;` and `,` is refused: the
/// names Fiche expects hold neither, so one of them is a typing error and choosing would misread
/// every row.
///
/// ```swift
/// try CSVSeparator.detect(in: "\u{FEFF}dossier_number;hours\r\nAC-000101;7,6\r\n")   // ";"
/// try CSVSeparator.detect(in: "dossier_number,hours\n")                              // ","
/// try CSVSeparator.detect(in: "dossier_number\thours\n")                             // tab
/// ```
public enum CSVSeparator {
    /// The separators a file may use.
    public static let candidates: [Unicode.Scalar] = [";", ",", "\t"]

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
            if scalar == "\r" {
                // The end of the header line (a CR LF's line is counted at its LF).
                if !inQuotes, lineHasText { break }
                continue
            }
            if scalar == "\n" {
                if inQuotes { continue }
                if lineHasText { break }
                line += 1
                continue
            }
            guard !inQuotes, scalar != "\u{FEFF}" else { continue }
            lineHasText = true
            if candidates.contains(scalar) { found.insert(scalar) }
        }
        if found.contains(";"), found.contains(",") { throw CSVTable.Malformed(line: line, reason: .mixedSeparators) }
        return candidates.first(where: found.contains) ?? ","
    }
}
