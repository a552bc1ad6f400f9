extension TerminalColor {
    /// The red, green and blue a standard xterm shows for this colour; nil for the terminal's default.
    public var rgbComponents: (red: UInt8, green: UInt8, blue: UInt8)? {
        switch self {
        case .terminalDefault:
            return nil
        case .rgb(let r, let g, let b):
            return (r, g, b)
        case .ansi(let n):
            return TerminalColor.indexedRGB(n)
        case .indexed(let n):
            return TerminalColor.indexedRGB(n)
        }
    }

    /// The xterm palette: 16 system colours, the 6×6×6 cube, then 24 greys.
    private static func indexedRGB(_ n: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let system: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if n < 16 {
            let entry = system[max(0, n)]
            return (entry.0, entry.1, entry.2)
        }
        if n >= 232 {
            let level = UInt8(min(255, 8 + 10 * (n - 232)))
            return (level, level, level)
        }
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        let c = n - 16
        return (steps[(c / 36) % 6], steps[(c / 6) % 6], steps[c % 6])
    }
}
