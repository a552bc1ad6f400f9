import FicheTerminal
import FicheWidgets

/// Where the `go.*` actions and Enter on a row lead.
enum Navigation {
    /// The screen `action` goes to; nil when the action is not a destination.
    static func screen(for action: ActionID, _ environment: ScreenEnvironment, body: Size) -> (any Screen)? {
        switch action.rawValue {
        case "go.dossiers": return DossierListScreen(environment, body: body)
        default: return nil
        }
    }

    /// Opens a dossier (at a tab, when a queue knows which one matters).
    static func openDossier(_ id: String, tab: String? = nil, _ environment: ScreenEnvironment) -> ScreenResult {
        .notice(Toast(environment.strings.format("action.unavailable", ["action": environment.strings["action.list.open"]]), kind: .error))
    }
}
