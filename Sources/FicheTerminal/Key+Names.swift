import Foundation

/// Key names as keymap files and the key-hint bar write them: `F10`, `Ctrl+S`, `Shift+Tab`,
/// `PgDn`, `Esc`, `Space`, `Alt+x`, or the character itself (`q`, `?`, `G`).
extension Key {
    private static let named: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("Shift+Tab", .backTab),
        ("Backspace", .backspace), ("Delete", .delete), ("Insert", .insert), ("Space", .character(" ")),
    ]
    private static let aliases: [String: Key] = [
        "pageup": .pageUp, "pagedown": .pageDown, "return": .enter, "escape": .escape,
        "backtab": .backTab, "del": .delete, "ins": .insert,
    ]

    /// Reads a key name; nil when it names no key. Letters after `Ctrl+` ignore case;
    /// a single character is taken as is (`G` is Shift+g).
    public init?(name: String) {
        let text = name.trimmingCharacters(in: .whitespaces)
        if let found = Key.named.first(where: { $0.0.lowercased() == text.lowercased() }) {
            self = found.1
            return
        }
        if let alias = Key.aliases[text.lowercased()] {
            self = alias
            return
        }
        if text.count == 1, let character = text.first {
            self = .character(character)
            return
        }
        let lower = text.lowercased()
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        if lower.hasPrefix("ctrl+") || lower.hasPrefix("c-") {
            let rest = text.drop(while: { $0 != "+" && $0 != "-" }).dropFirst()
            guard rest.count == 1, let letter = rest.lowercased().first, letter.isLetter, letter.isASCII else { return nil }
            self = .control(letter)
            return
        }
        if lower.hasPrefix("alt+") || lower.hasPrefix("m-") {
            let rest = text.drop(while: { $0 != "+" && $0 != "-" }).dropFirst()
            guard rest.count == 1, let character = rest.first else { return nil }
            self = .alt(character)
            return
        }
        return nil
    }

    /// The name keymap files and docs use for this key (`Ctrl+S`, `PgDn`, `q`).
    public var name: String {
        if let found = Key.named.first(where: { $0.1 == self }) { return found.0 }
        switch self {
        case .character(let c): return String(c)
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl+" + c.uppercased()
        case .alt(let c): return "Alt+" + String(c)
        default: return "?"
        }
    }

    /// The short label for the key-hint bar: arrows as ↑ ↓ ← →, otherwise the name.
    public var label: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        default: return name
        }
    }

    /// Whether this key needs AltGr on a Belgian AZERTY keyboard (`[ ] { } \ | @ ~ #`).
    public var needsAltGrOnAzerty: Bool {
        switch self {
        case .character(let c), .alt(let c): return "[]{}\\|@~#".contains(c)
        default: return false
        }
    }
}
