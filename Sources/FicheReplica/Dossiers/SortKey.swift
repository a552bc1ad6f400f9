import FicheDomain

/// The key names sort and match by: without accents or case, particles kept.
///
/// "Van den Bossche", "van den bossche" and "VAN DEN BOSSCHE" share a key, and "Éloïse"
/// sorts with "Eloise".
public enum SortKey {
    public static func fold(_ text: String) -> String { FoldedText.fold(text) }

    /// The sort key of a person: last name, then first name.
    public static func person(lastName: String, firstName: String) -> String {
        fold(lastName) + "\u{1F}" + fold(firstName)
    }
}
