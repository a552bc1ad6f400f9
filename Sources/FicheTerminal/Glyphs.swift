/// How a frame draws what is not text: `unicode` (box drawing, block bars, arrows) or `plain`
/// (`fiche --plain`, for screen readers and braille lines: ASCII only, and a `>` before the
/// selected row, so nothing is told by a line-drawing character or by colour alone).
///
/// A `CellBuffer` carries its glyphs: widgets that draw frames, separators and marks ask it
/// (`buffer.glyphs.vertical`), and in plain every character written is also passed through
/// `shown(_:)`, so a box-drawing or block character a chart or a text brings never reaches
/// the screen.
///
/// ```swift
/// var buffer = CellBuffer(size: Size(width: 80, height: 24), glyphs: .plain)
/// buffer.write(String(repeating: buffer.glyphs.horizontal, count: 10), x: 0, y: 0, role: .dim)   // ----------
/// ```
public struct Glyphs: Hashable, Sendable {
    /// ASCII only, with textual signs for selection (`fiche --plain`).
    public let isPlain: Bool
    public let horizontal: Character
    public let vertical: Character
    public let topLeft: Character
    public let topRight: Character
    public let bottomLeft: Character
    public let bottomRight: Character
    /// After the text of the field being typed in; empty in plain, where the terminal cursor stands there.
    public let caret: String
    /// At a list's right edge when rows are out of view above and below.
    public let moreAbove: Character
    public let moreBelow: Character
    /// Before the selected row of a list: nothing (reverse video says it), or `>` in plain.
    public let selectedRow: String

    public static let unicode = Glyphs(isPlain: false, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", caret: "▏", moreAbove: "⇡", moreBelow: "⇣",
                                       selectedRow: "")
    public static let plain = Glyphs(isPlain: true, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                     bottomLeft: "+", bottomRight: "+", caret: "", moreAbove: "^", moreBelow: "v",
                                     selectedRow: ">")

    /// The character as drawn: itself, or in plain an ASCII stand-in for a box-drawing
    /// (U+2500–U+257F) or block (U+2580–U+259F) character, for the arrows of sorts and scrolls,
    /// and for the signs of statuses and messages (✔ ✖ ⚠ ● ○ •).
    public func shown(_ character: Character) -> Character {
        guard isPlain, let scalar = character.unicodeScalars.first, scalar.value >= 0x2022 else { return character }
        return Glyphs.ascii[scalar.value] ?? Glyphs.fallback(scalar.value) ?? character
    }

    /// Whether `character` is a box-drawing or block element (what plain never shows).
    public static func isLineDrawing(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) }
    }

    private static let ascii: [UInt32: Character] = [
        0x25B2: "^", 0x25BC: "v", 0x25B6: ">", 0x25C0: "<", 0x25B8: ">", 0x25C2: "<", 0x21E1: "^", 0x21E3: "v",
        0x2588: "#", 0x2589: "#", 0x258A: "#", 0x258B: "#", 0x258C: "#", 0x258D: " ", 0x258E: " ", 0x258F: " ",
        0x2591: ".", 0x2592: ":", 0x2593: "#", 0x2594: "-", 0x2595: "|",
        // Statuses and messages: done, refused, warning, current and other states, list bullets.
        0x2713: "+", 0x2714: "+", 0x2717: "x", 0x2716: "x", 0x26A0: "!", 0x25CF: "*", 0x25CB: "o", 0x2022: "*",
    ]

    private static let horizontals: Set<UInt32> = [0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D,
                                                   0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E]
    private static let verticals: Set<UInt32> = [0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F,
                                                 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F]

    private static func fallback(_ value: UInt32) -> Character? {
        switch value {
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        case 0x2500...0x257F: return horizontals.contains(value) ? "-" : verticals.contains(value) ? "|" : "+"
        case 0x2581...0x2583: return "_"   // a sparkline's low steps
        case 0x2580...0x259F: return "#"
        default: return nil
        }
    }
}
