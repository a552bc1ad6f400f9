import CNcursesw
import FicheTerminal

#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncursesw: flushes cell buffers and reads input.
///
/// Only one may be live at a time. `end()` restores the terminal exactly as it was; it also
/// runs on SIGTERM, SIGHUP and crash signals so a failure never leaves the terminal raw.
///
/// ```swift
/// let terminal = try CursesTerminal(theme: .monochrome)
/// defer { terminal.end() }
/// terminal.draw(buffer)
/// let event = terminal.nextEvent(timeoutMilliseconds: 100)
/// ```
public final class CursesTerminal {
    private var previous: CellBuffer?
    private var theme: Theme
    private var palette: ColorPairs
    private var ended = false
    private var cursorShown = false
    private let screen: OpaquePointer

    /// How many colours this terminal shows, after `NO_COLOR` and `COLORTERM`: pass it to
    /// `ThemeDefinition.theme(for:)` so the theme only uses colours the terminal has.
    public let colorDepth: ColorDepth

    /// Enters full-screen mode.
    ///
    /// Colour: under `NO_COLOR` or on a terminal without colours nothing is coloured (the
    /// theme's `mono` section applies); otherwise the terminal's own default colours are kept
    /// (`use_default_colors`) and colours are reduced to 256 or 16 as terminfo reports, or
    /// passed as 24-bit values on a direct-colour terminal with `COLORTERM=truecolor`.
    /// - Throws: `TerminalStartError` when `TERM` is unset or unknown, or there is no terminal.
    public init(theme: Theme, environment: [String: String]) throws {
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalStartError.terminalTypeUnset }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalStartError.notATerminal }
        setlocale(LC_ALL, "")
        guard let screen = fiche_newterm(term) else { throw TerminalStartError.unknownTerminalType(term) }
        self.screen = screen
        self.theme = theme
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(fiche_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let hasColours = has_colors()
        colorDepth = ColorDepth.detect(environment: environment, terminalColours: hasColours ? Int(fiche_terminfo_colors()) : 0)
        if colorDepth != .mono {
            start_color()
            use_default_colors()
        }
        palette = ColorPairs(depth: colorDepth, colourCount: colorDepth == .mono ? 0 : Int(fiche_colors()),
                             pairCount: colorDepth == .mono ? 0 : Int(fiche_color_pairs()))
        mousemask(fiche_all_mouse_events(), nil)
        mouseinterval(0)
        CursesTerminal.installSignalHandlers()
    }

    deinit { end() }

    /// The terminal's current size.
    public var size: Size { Size(width: Int(fiche_cols()), height: Int(fiche_lines())) }

    /// Changes the theme; the next draw repaints every cell.
    public func use(theme: Theme) {
        self.theme = theme
        previous = nil
    }

    /// Writes the cells that differ from the last drawn buffer, puts the cursor where the buffer
    /// says (shown there, for a screen reader to follow; hidden when it says nowhere), then
    /// refreshes the screen.
    /// - Returns: how many cells were written.
    @discardableResult
    public func draw(_ buffer: CellBuffer) -> Int {
        if previous?.size != buffer.size { erase() }
        let changed = BufferDiff.changedCells(from: previous, to: buffer)
        let width = max(1, buffer.width)
        for index in changed {
            put(buffer.cells[index], x: index % width, y: index / width)
        }
        previous = buffer
        if let cursor = buffer.cursor {
            if !cursorShown { curs_set(1) }
            wmove(fiche_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else if cursorShown {
            curs_set(0)
        }
        cursorShown = buffer.cursor != nil
        refresh()
        return changed.count
    }

    /// Follows a new terminal size after SIGWINCH: ncurses learns it, and the next draw
    /// repaints every cell.
    public func resize(to size: Size) {
        resizeterm(Int32(size.height), Int32(size.width))
        previous = nil
    }

    /// Waits up to `timeoutMilliseconds` (−1: forever) for the next input event.
    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        wtimeout(fiche_stdscr(), timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(fiche_stdscr(), &code)
        if status == fiche_err() { return nil }
        if status == fiche_key_code_yes() { return decodeKeyCode(Int32(code)) }
        return decodeCharacter(UInt32(code))
    }

    /// Leaves full-screen mode and restores the terminal. Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        fiche_restore_terminal()
        delscreen(screen)
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let style = theme.style(for: cell.role)
        var attributes = fiche_a_normal()
        if style.bold { attributes |= fiche_a_bold() }
        if style.underline { attributes |= fiche_a_underline() }
        if style.reverse { attributes |= fiche_a_reverse() }
        if style.dim { attributes |= fiche_a_dim() }
        let pair = palette.pair(foreground: style.foreground, background: style.background)
        var characters: [wchar_t] = cell.character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        _ = fiche_put_cell(Int32(y), Int32(x), characters, attributes, Int32(pair))
    }

    private func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(size)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_MOUSE: return decodeMouse()
        default:
            for n in 1...12 where code == fiche_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func decodeCharacter(_ value: UInt32) -> InputEvent? {
        switch value {
        case 27: return decodeEscape()
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 1...26: return Unicode.Scalar(value + 96).map { .key(.control(Character($0))) }
        default: return Unicode.Scalar(value).map { .key(.character(Character($0))) }
        }
    }

    /// Esc alone, or Esc followed at once by a key: Esc+digit is F1…F10 (0 is F10), other
    /// characters are Alt+key. Terminals that swallow F-keys still reach every command.
    private func decodeEscape() -> InputEvent? {
        wtimeout(fiche_stdscr(), 0)
        var code: wint_t = 0
        let status = wget_wch(fiche_stdscr(), &code)
        guard status != fiche_err(), status != fiche_key_code_yes(), let scalar = Unicode.Scalar(UInt32(code)) else {
            return .key(.escape)
        }
        let character = Character(scalar)
        if let digit = character.wholeNumberValue, character.isASCII {
            return .key(.function(digit == 0 ? 10 : digit))
        }
        return .key(.alt(character))
    }

    private func decodeMouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) != fiche_err() else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & fiche_button4_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if event.bstate & fiche_button5_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if event.bstate & fiche_button1_double_clicked() != 0 { return .mouse(MouseEvent(kind: .doubleClick, x: x, y: y)) }
        if event.bstate & fiche_button1_clicked() != 0 { return .mouse(MouseEvent(kind: .click, x: x, y: y)) }
        return nil
    }

    private static func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGHUP, SIGINT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL] {
            signal(signalNumber) { received in
                fiche_restore_terminal()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
