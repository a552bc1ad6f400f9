/// Why the full-screen interface could not start.
public enum TerminalStartError: Error, Equatable, CustomStringConvertible {
    /// `TERM` is unset or empty.
    case terminalTypeUnset
    /// ncurses has no description of this `TERM`.
    case unknownTerminalType(String)
    /// Standard input or output is not a terminal.
    case notATerminal

    public var description: String {
        switch self {
        case .terminalTypeUnset:
            return "TERM is not set: run fiche from a terminal, or set TERM (for example TERM=xterm-256color)."
        case .unknownTerminalType(let name):
            return "unknown terminal type '\(name)': set TERM to a type this system knows (for example xterm-256color)."
        case .notATerminal:
            return "standard input and output must be a terminal for the full-screen interface (use --no-tui)."
        }
    }
}
