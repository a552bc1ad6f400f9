import Foundation

/// The interface's words in one language, read from the string tables in `Strings/`.
///
/// Code never holds a user-visible literal: it asks for a key (`strings["list.title"]`), and
/// each table says it in French, Dutch or English. A missing key shows as the key itself so a
/// gap is visible, and a test checks that every table has every key.
public struct Strings: Sendable {
    public let language: Language
    private let table: [String: String]

    public init(language: Language) {
        self.language = language
        self.table = Strings.loadTable(language)
    }

    public subscript(key: String) -> String { table[key] ?? key }

    /// The text for `key` with `{name}` placeholders replaced.
    ///
    /// A `count` value picks the singular `<key>.one` where the table has one and the language
    /// says singular (`Language.isSingular`: French 0 and 1, Dutch and English 1), so no text
    /// needs a "(s)".
    public func format(_ key: String, _ values: [String: String]) -> String {
        var key = key
        if let count = values["count"].flatMap({ Int($0) }), language.isSingular(count), table[key + ".one"] != nil {
            key += ".one"
        }
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Every key the table of `language` defines.
    public static func keys(of language: Language) -> Set<String> { Set(loadTable(language).keys) }

    /// Merges `Strings/<language>.json` with every `Strings/<topic>.<language>.json`
    /// (e.g. `errors.fr.json`), so each topic keeps its three languages side by side.
    private static func loadTable(_ language: Language) -> [String: String] {
        guard let folder = Bundle.module.url(forResource: "Strings", withExtension: nil),
              // try?: the string tables ship in the bundle (StringsTests checks every key in every language); a missing one shows keys, it loses no data.
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [:] }
        var table: [String: String] = [:]
        for file in files.sorted() where file == "\(language.rawValue).json" || file.hasSuffix(".\(language.rawValue).json") {
            // try?: as above, a bundled table; nothing the user wrote is read here.
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)),
                  // try?: as above; StringsTests decodes every table.
                  let entries = try? JSONDecoder().decode([String: String].self, from: data)
            else { continue }
            table.merge(entries) { first, _ in first }
        }
        return table
    }
}
