import Foundation

/// Finds the letters of a query, in order, inside a text (as in fzf and VS Code's palette),
/// ignoring case and accents; consecutive letters and word starts score higher.
public enum FuzzyMatch {
    /// The score of `query` in `text`, nil when its letters do not all appear in order.
    /// An empty query matches everything with score 0.
    public static func score(_ query: String, in text: String) -> Int? {
        let needle = Array(fold(query).filter { $0 != " " })
        guard !needle.isEmpty else { return 0 }
        let haystack = Array(fold(text))
        var score = 0, position = 0, previous = -2
        for letter in needle {
            guard let found = haystack[position...].firstIndex(of: letter) else { return nil }
            score += 1
            if found == previous + 1 { score += 5 }
            if found == 0 || haystack[found - 1] == " " || haystack[found - 1] == "." { score += 3 }
            previous = found
            position = found + 1
        }
        return score - haystack.count / 10
    }

    /// `items` matching `query`, best first; equal scores keep their order.
    public static func rank<T>(_ items: [T], query: String, text: (T) -> String) -> [T] {
        items.enumerated()
            .compactMap { index, item in score(query, in: text(item)).map { (item, $0, index) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }
            .map(\.0)
    }

    private static func fold(_ text: String) -> [Character] {
        Array(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
    }
}
