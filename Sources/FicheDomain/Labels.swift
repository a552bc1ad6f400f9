import FicheTOML

/// A name given in French, Dutch and English, as read from rule files.
///
/// Rule data (absence types, holidays) carries its own names; the app's string tables
/// cover the interface itself.
public struct Labels: Hashable, Sendable, Codable {
    public var fr: String
    public var nl: String
    public var en: String

    public init(fr: String, nl: String, en: String) {
        self.fr = fr
        self.nl = nl
        self.en = en
    }

    /// The name in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .fr: return fr
        case .nl: return nl
        case .en: return en
        }
    }
}

extension Labels {
    /// Reads `{ fr = "…", nl = "…", en = "…" }`; all three are required.
    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["fr", "nl", "en"], in: "labels")
        self.init(fr: try table.string("fr"), nl: try table.string("nl"), en: try table.string("en"))
    }
}
