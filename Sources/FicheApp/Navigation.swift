import FicheReplica
import FicheTerminal
import FicheWidgets

/// Where the `go.*` actions and Enter on a row lead.
enum Navigation {
    /// The screen `action` goes to; nil when the action is not a destination.
    static func screen(for action: ActionID, _ environment: ScreenEnvironment, body: Size) -> (any Screen)? {
        switch action.rawValue {
        case "go.dossiers": return DossierListScreen(environment, body: body)
        case "go.queues": return QueuesScreen(environment, body: body)
        case "go.closing": return QueuesScreen(environment, body: body, tab: .closing)
        case "go.workload": return WorkloadScreen(environment)
        case "go.partners": return PartnersScreen(environment)
        case "go.conflicts": return ConflictsScreen(environment)
        default: return nil
        }
    }

    /// Opens a dossier (at a tab, when a queue knows which one matters).
    static func openDossier(_ id: String, tab: DossierTab = .identity, _ environment: ScreenEnvironment) -> ScreenResult {
        unavailable("list.open", environment)
    }

    /// The entry form of `kind` for a dossier.
    static func newRecord(_ kind: NewRecordKind, dossierID: String, _ environment: ScreenEnvironment) -> ScreenResult {
        unavailable("record.new", environment)
    }

    private static func unavailable(_ action: String, _ environment: ScreenEnvironment) -> ScreenResult {
        .notice(Toast(environment.strings.format("action.unavailable", ["action": environment.strings["action." + action]]),
                      kind: .error))
    }
}
