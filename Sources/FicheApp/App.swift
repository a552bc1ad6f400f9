import FicheReplica
import FicheTerminal
import FicheWidgets

/// The application: takes input, updates its state, and draws it.
///
/// The same object runs under the real terminal and in headless tests, which press keys and
/// read the rendered buffer as text.
public final class App {
    public private(set) var state: AppState
    public let strings: Strings
    private let source: DossierListSource

    public init(database: AppDatabase, strings: Strings, userName: String, size: Size) {
        self.strings = strings
        self.source = DossierListSource(database: database)
        self.state = AppState(size: size, userName: userName)
        run { try $0.list.moveToStart(in: source) }
    }

    /// Handles one input event from the terminal.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let key):
            if let action = DefaultKeys.action(for: key) { perform(action) }
        case .resize(let size):
            perform(.resize(size))
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelDown: perform(.moveDown)
            case .wheelUp: perform(.moveUp)
            case .click, .doubleClick: break
            }
        }
    }

    public func perform(_ action: AppAction) {
        state.message = nil
        switch action {
        case .moveUp: run { try $0.list.moveUp(in: source) }
        case .moveDown: run { try $0.list.moveDown(in: source) }
        case .pageUp: run { try $0.list.pageUp(in: source) }
        case .pageDown: run { try $0.list.pageDown(in: source) }
        case .moveToStart: run { try $0.list.moveToStart(in: source) }
        case .moveToEnd: run { try $0.list.moveToEnd(in: source) }
        case .quit: state.quitRequested = true
        case .resize(let size):
            state.size = size
            run { try $0.list.resize(to: DossierListScreen.visibleRows(for: size), in: source) }
        }
    }

    /// The screen for the current state.
    public func render() -> CellBuffer {
        DossierListScreen(state: state, strings: strings).render()
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
