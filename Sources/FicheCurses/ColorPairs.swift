import CNcursesw
import FicheTerminal

/// Allocates ncurses colour pairs on demand for (foreground, background) combinations,
/// mapping theme colours down to what the terminal can show.
struct ColorPairs {
    private let enabled: Bool
    private let colourCount: Int
    private let pairCount: Int
    private var pairs: [PairKey: Int] = [:]

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(enabled: Bool, colourCount: Int, pairCount: Int) {
        self.enabled = enabled
        self.colourCount = colourCount
        self.pairCount = pairCount
    }

    /// The pair number for these colours, 0 (the terminal's default) when colours are off or
    /// the terminal ran out of pairs.
    mutating func pair(foreground: TerminalColor, background: TerminalColor) -> Int {
        guard enabled else { return 0 }
        let key = PairKey(foreground: index(of: foreground), background: index(of: background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let known = pairs[key] { return known }
        let next = pairs.count + 1
        guard next < pairCount, next < Int(Int16.max) else { return 0 }
        init_pair(Int16(next), Int16(key.foreground), Int16(key.background))
        pairs[key] = next
        return next
    }

    /// The terminal colour index for a theme colour, or −1 for the terminal's default.
    private func index(of colour: TerminalColor) -> Int {
        switch colour {
        case .terminalDefault:
            return -1
        case .ansi(let n):
            return n < colourCount ? n : n % 8
        case .indexed(let n):
            return n < colourCount ? n : ColorPairs.nearestAnsi(ofIndexed: n)
        case .rgb(let r, let g, let b):
            if colourCount >= 256 { return ColorPairs.cubeIndex(r: r, g: g, b: b) }
            return ColorPairs.nearestAnsi(r: Int(r), g: Int(g), b: Int(b))
        }
    }

    private static func cubeIndex(r: UInt8, g: UInt8, b: UInt8) -> Int {
        func level(_ c: UInt8) -> Int { c < 48 ? 0 : c < 115 ? 1 : (Int(c) - 35) / 40 }
        return 16 + 36 * level(r) + 6 * level(g) + level(b)
    }

    private static func nearestAnsi(ofIndexed n: Int) -> Int {
        if n < 16 { return n % 8 }
        if n >= 232 { return n < 244 ? 0 : 7 }
        let c = n - 16
        return nearestAnsi(r: (c / 36) * 51, g: ((c / 6) % 6) * 51, b: (c % 6) * 51)
    }

    private static func nearestAnsi(r: Int, g: Int, b: Int) -> Int {
        let bright = (r + g + b) / 3 > 160
        let bits = (r > 127 ? 1 : 0) | (g > 127 ? 2 : 0) | (b > 127 ? 4 : 0)
        return bits == 0 && bright ? 7 : bits
    }
}
