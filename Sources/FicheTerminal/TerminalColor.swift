/// A colour as a theme names it: the terminal's default, one of the 16 ANSI colours,
/// a 256-colour index, or a 24-bit RGB value.
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    case ansi(Int)
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)
}
