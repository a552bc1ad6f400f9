import Foundation

/// A colour as a theme names it: the terminal's default, one of the 16 ANSI colours,
/// a 256-colour index, or a 24-bit RGB value.
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    case ansi(Int)
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    /// The names theme files use for the 16 ANSI colours, in ANSI order.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Reads a colour as written in a theme: `default`, an ANSI name (`bright-red`), a
    /// 256-colour index (`color208`), or `#rrggbb`. Nil when the text is none of these.
    ///
    /// ```swift
    /// TerminalColor(name: "#5f87af")   // .rgb(95, 135, 175)
    /// ```
    public init?(name: String) {
        let text = name.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "default" || text == "none" {
            self = .terminalDefault
        } else if let index = TerminalColor.ansiNames.firstIndex(of: text) {
            self = .ansi(index)
        } else if text.hasPrefix("color"), let index = Int(text.dropFirst(5)), (0...255).contains(index) {
            self = .indexed(index)
        } else if text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) {
            self = .rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    /// This colour as close as a terminal of `depth` can show it; nil under `.mono`.
    ///
    /// 24-bit colours go to the 6×6×6 cube of 256-colour terminals, and anything beyond
    /// the 16 ANSI colours goes to the nearest of those.
    public func reduced(to depth: ColorDepth) -> TerminalColor? {
        switch (self, depth) {
        case (.terminalDefault, _): return self
        case (_, .mono): return nil
        case (_, .truecolor): return self
        case (.ansi(let n), _): return .ansi(n)
        case (.indexed(let n), .color256): return .indexed(n)
        case (.indexed(let n), .ansi16): return .ansi(TerminalColor.nearestAnsi(ofIndexed: n))
        case (.rgb(let r, let g, let b), .color256): return .indexed(TerminalColor.cubeIndex(r: r, g: g, b: b))
        case (.rgb(let r, let g, let b), .ansi16): return .ansi(TerminalColor.nearestAnsi(r: Int(r), g: Int(g), b: Int(b)))
        }
    }

    /// Whether a terminal of `depth` shows this colour as it is.
    public func fits(_ depth: ColorDepth) -> Bool { reduced(to: depth) == self }

    static func cubeIndex(r: UInt8, g: UInt8, b: UInt8) -> Int {
        func level(_ c: UInt8) -> Int { c < 48 ? 0 : c < 115 ? 1 : (Int(c) - 35) / 40 }
        return 16 + 36 * level(r) + 6 * level(g) + level(b)
    }

    static func nearestAnsi(ofIndexed n: Int) -> Int {
        if n < 16 { return n }
        if n >= 232 { return n < 238 ? 0 : n < 250 ? 8 : 7 }
        let c = n - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return nearestAnsi(r: steps[c / 36], g: steps[(c / 6) % 6], b: steps[c % 6])
    }

    static func nearestAnsi(r: Int, g: Int, b: Int) -> Int {
        let bits = (r > 127 ? 1 : 0) | (g > 127 ? 2 : 0) | (b > 127 ? 4 : 0)
        let brightest = max(r, g, b)
        if bits == 0 { return brightest > 64 ? 8 : 0 }
        if bits == 7 { return min(r, g, b) > 200 ? 15 : 7 }
        return brightest > 200 ? bits + 8 : bits
    }
}
