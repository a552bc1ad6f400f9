/// How many colours a terminal shows, from none to 24-bit.
///
/// Themes say the depth they are drawn for; on a poorer terminal their colours are reduced
/// to the next depth down, and without colour (or under `NO_COLOR`) their `mono` section applies.
public enum ColorDepth: Int, Comparable, CaseIterable, Sendable, CustomStringConvertible {
    case mono = 0
    case ansi16 = 16
    case color256 = 256
    case truecolor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The depth as theme files write it: `mono`, `16`, `256`, `truecolor`.
    public var description: String {
        switch self {
        case .mono: return "mono"
        case .ansi16: return "16"
        case .color256: return "256"
        case .truecolor: return "truecolor"
        }
    }

    /// Reads `mono`, `16`, `256`, `truecolor` (or `24bit`).
    public init?(name: String) {
        switch name.lowercased() {
        case "mono", "none", "0", "2": self = .mono
        case "16", "8", "ansi": self = .ansi16
        case "256": self = .color256
        case "truecolor", "24bit", "24-bit": self = .truecolor
        default: return nil
        }
    }

    /// The depth to draw with, given the environment and how many colours terminfo reports.
    ///
    /// `NO_COLOR` (any non-empty value) or a terminal without colours gives `.mono`;
    /// 24-bit colour needs both `COLORTERM=truecolor` (or `24bit`) and a direct-colour
    /// terminal description (`COLORS` ≥ 2²⁴, e.g. `TERM=xterm-direct`); else 256 or 16.
    public static func detect(environment: [String: String], terminalColours: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        if terminalColours < 8 { return .mono }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if terminalColours >= 1 << 24, colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        if terminalColours >= 256 { return .color256 }
        return .ansi16
    }
}
