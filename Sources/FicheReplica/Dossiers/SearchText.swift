import FicheDomain
import Foundation

/// What the search index holds for a dossier, and how a typed query becomes an FTS5 match.
///
/// Names are folded (no accents, lower case) and indexed twice: word by word, and the last
/// name as one word without spaces or apostrophes, so `van den b`, `vandenb` and `d'h` all find
/// "Van den Bossche" or "D'Hondt". Dossier numbers are indexed as `cp000123`, `000123` and
/// `123`; national numbers as their 11 digits.
public enum SearchText {
    /// "Van den Bossche", "Éloïse" → "van den bossche eloise vandenbossche".
    public static func name(lastName: String, firstName: String) -> String {
        let last = fold(lastName)
        let first = fold(firstName)
        return [last, first, compact(last), compact(first)].joined(separator: " ")
    }

    /// "CP-000123" → "cp000123 000123 123".
    public static func number(_ number: String) -> String {
        let folded = compact(fold(number))
        let digits = String(folded.drop { !$0.isNumber })
        var parts = [folded]
        if !digits.isEmpty, digits != folded {
            parts.append(digits)
            let short = String(digits.drop { $0 == "0" })
            if !short.isEmpty, short != digits { parts.append(short) }
        }
        return parts.joined(separator: " ")
    }

    /// "85.07.30-033.28" → "85073003328".
    public static func niss(_ niss: String) -> String { niss.filter(\.isNumber) }

    /// The FTS5 expression for what the user typed: every word as a prefix, all required.
    ///
    /// Digits typed with dots, dashes or spaces (a national number) become one word. Returns
    /// nil when nothing searchable was typed.
    ///
    /// ```swift
    /// SearchText.match("Van den B")          // "van"* "den"* "b"*
    /// SearchText.match("85.07.30-033")       // "85073003"*
    /// ```
    public static func match(_ query: String) -> String? {
        let folded = fold(query)
        let withoutPunctuation = folded.filter { !" .-/".contains($0) }
        if !withoutPunctuation.isEmpty, withoutPunctuation.allSatisfy(\.isNumber) {
            return "\"\(withoutPunctuation)\"*"
        }
        let words = folded.split(whereSeparator: \.isWhitespace).map(compact).filter { !$0.isEmpty }
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    static func fold(_ text: String) -> String { SortKey.fold(text).lowercased() }

    /// Letters and digits only: "d'hondt" → "dhondt", "van den bossche" → "vandenbossche".
    static func compact<S: StringProtocol>(_ text: S) -> String { FoldedText.compact(text) }
}
