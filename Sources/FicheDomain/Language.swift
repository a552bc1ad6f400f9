/// A working language of Fiche: French, Dutch or English.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
    case fr
    case nl
    case en
}
