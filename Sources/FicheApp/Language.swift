/// The languages the interface speaks.
public enum Language: String, CaseIterable, Sendable {
    case french = "fr"
    case dutch = "nl"
    case english = "en"

    /// The language asked for by `--lang`, else by the locale variables (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`), else French, the language most Brussels payroll staff work in.
    public static func choose(flag: String?, environment: [String: String]) -> Language {
        if let flag, let language = Language(code: flag) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], let language = Language(code: value) { return language }
        }
        return .french
    }

    /// Whether `count` takes the singular: in French 0 and 1 ("0 dossier réattribué"), in
    /// Dutch and English only 1 ("0 dossiers", "1 dossier").
    public func isSingular(_ count: Int) -> Bool {
        switch self {
        case .french: return count == 0 || count == 1
        case .dutch, .english: return count == 1
        }
    }

    /// "nl_BE.UTF-8" → Dutch; nil for a locale such as "C.UTF-8".
    public init?(code: String) {
        let prefix = code.prefix(2).lowercased()
        guard let language = Language(rawValue: prefix) else { return nil }
        self = language
    }
}
