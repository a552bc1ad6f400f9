import CNcursesw
import FicheTerminal

/// Allocates ncurses colour pairs on demand for (foreground, background) combinations.
///
/// The theme has already been reduced to the terminal's `ColorDepth`; under `.truecolor`
/// (a direct-colour terminal description) colours are passed as packed 24-bit values.
struct ColorPairs {
    private let depth: ColorDepth
    private let colourCount: Int
    private let pairCount: Int
    private var pairs: [PairKey: Int] = [:]

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(depth: ColorDepth, colourCount: Int, pairCount: Int) {
        self.depth = depth
        self.colourCount = colourCount
        self.pairCount = pairCount
    }

    /// The pair number for these colours, 0 (the terminal's default) when colours are off or
    /// the terminal ran out of pairs.
    mutating func pair(foreground: TerminalColor, background: TerminalColor) -> Int {
        guard depth != .mono else { return 0 }
        let key = PairKey(foreground: index(of: foreground), background: index(of: background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let known = pairs[key] { return known }
        let next = pairs.count + 1
        guard next < pairCount else { return 0 }
        guard init_extended_pair(Int32(next), Int32(key.foreground), Int32(key.background)) != fiche_err() else { return 0 }
        pairs[key] = next
        return next
    }

    /// The terminal colour number for a theme colour, or −1 for the terminal's default.
    private func index(of colour: TerminalColor) -> Int {
        guard let reduced = colour.reduced(to: depth) else { return -1 }
        switch reduced {
        case .terminalDefault:
            return -1
        case .ansi(let n) where depth == .truecolor && n >= 8, .indexed(let n) where depth == .truecolor && n >= 8:
            return packed(reduced)
        case .ansi(let n), .indexed(let n):
            return n < colourCount ? n : n % 8   // an 8-colour terminal shows bright colours as their base
        case .rgb:
            return packed(reduced)
        }
    }

    private func packed(_ colour: TerminalColor) -> Int {
        guard let (r, g, b) = colour.rgbComponents else { return -1 }
        return Int(r) << 16 | Int(g) << 8 | Int(b)
    }
}
