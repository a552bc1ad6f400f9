import Foundation

/// Text as names are compared: without accents, case or width, and squeezed to letters and digits.
///
/// ```swift
/// FoldedText.fold("Éloïse")                 // "eloise"
/// FoldedText.compact("d'hondt")             // "dhondt"
/// ```
public enum FoldedText {
    /// "Van den Bossche", "van den bossche" and "VAN DEN BOSSCHE" fold alike; "Éloïse" like "Eloise".
    public static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    /// Letters and digits only: "d'hondt" → "dhondt", "van den bossche" → "vandenbossche".
    public static func compact<S: StringProtocol>(_ text: S) -> String {
        String(text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
