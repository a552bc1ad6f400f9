import FicheReplica
import FicheTerminal
import FicheWidgets

/// The application: takes input, updates its state, and draws it.
///
/// Keys go through the keymap to action ids (`list.down`, `app.quit`), so the user's keymap
/// decides what every key does. The same object runs under the real terminal and in headless
/// tests, which press keys or run action ids and read the rendered buffer as text.
public final class App {
    public private(set) var state: AppState
    public let strings: Strings
    public let keymap: Keymap
    /// The command palette while it is open.
    public private(set) var palette: CommandPalette?
    /// Whether the help overlay is shown.
    public private(set) var showsHelp = false
    private let source: DossierListSource

    public init(database: AppDatabase, strings: Strings, userName: String, size: Size, keymap: Keymap = DefaultKeys.keymap) {
        self.strings = strings
        self.keymap = keymap
        self.source = DossierListSource(database: database)
        self.state = AppState(size: size, userName: userName)
        run { try $0.list.moveToStart(in: source) }
    }

    /// The context keys are looked up in.
    public var context: KeyContext { .list }

    /// Handles one input event from the terminal.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let key):
            if palette != nil {
                handlePalette(key)
            } else if let action = keymap.action(for: key, in: context) {
                perform(action: action)
            } else if key == .control("c") {
                perform(.quit)   // Ctrl+C always leaves cleanly, whatever the keymap says
            }
        case .resize(let size):
            perform(.resize(size))
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelDown: perform(.moveDown)
            case .wheelUp: perform(.moveUp)
            case .click, .doubleClick:
                // Rows start on line 2, below the status line and the column titles.
                guard palette == nil, !showsHelp, mouse.y >= 2 else { break }
                state.list.select(visibleRow: mouse.y - 2)
                if mouse.kind == .doubleClick { perform(action: "list.open") }
            }
        }
    }

    /// Runs an action of the registry by id.
    public func perform(action id: ActionID) { perform(AppAction(id: id)) }

    public func perform(_ action: AppAction) {
        state.message = nil
        if showsHelp, action != .help, action != .back, action != .quit {
            if case .resize = action {} else { return }
        }
        switch action {
        case .moveUp: run { try $0.list.moveUp(in: source) }
        case .moveDown: run { try $0.list.moveDown(in: source) }
        case .pageUp: run { try $0.list.pageUp(in: source) }
        case .pageDown: run { try $0.list.pageDown(in: source) }
        case .moveToStart: run { try $0.list.moveToStart(in: source) }
        case .moveToEnd: run { try $0.list.moveToEnd(in: source) }
        case .help: showsHelp.toggle()
        case .palette: palette = CommandPalette(title: strings["palette.title"], entries: entries())
        case .back:
            showsHelp = false
            palette = nil
        case .refresh: run { try $0.list.resize(to: $0.list.height, in: source) }
        case .quit: state.quitRequested = true
        case .resize(let size):
            state.size = size
            run { try $0.list.resize(to: DossierListScreen.visibleRows(for: size), in: source) }
        case .unavailable(let id):
            state.message = strings.format("action.unavailable", ["action": strings["action." + id.rawValue]])
        }
    }

    /// The screen for the current state.
    public func render() -> CellBuffer {
        var screen = DossierListScreen(state: state, strings: strings, keymap: keymap)
        screen.help = showsHelp ? HelpOverlay(title: strings["help.title"], entries: entries()) : nil
        screen.palette = palette
        return screen.render()
    }

    /// The actions of this screen with their keys and words, for the help and the palette.
    private func entries() -> [HelpEntry] {
        HelpEntry.entries(registry: .standard, keymap: keymap, context: context) { strings[$0.descriptionKey] }
    }

    private func handlePalette(_ key: Key) {
        guard var open = palette else { return }
        switch key {
        case .escape, .function(9), .function(10):
            palette = nil
        case .enter:
            palette = nil
            if let action = open.selectedAction { perform(action: action) }
        case .up: open.moveSelection(-1); palette = open
        case .down: open.moveSelection(1); palette = open
        case .backspace: open.deleteBackward(); palette = open
        case .character(let character): open.type(String(character)); palette = open
        case .control("c"): perform(.quit)
        default: break
        }
    }

    /// Runs a change that reads the replica; a failure leaves the state as it was and says why.
    private func run(_ change: (inout AppState) throws -> Void) {
        var next = state
        do {
            try change(&next)
            state = next
        } catch {
            state.message = "\(error)"
        }
    }
}
