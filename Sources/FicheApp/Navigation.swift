import FicheDomain
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
        let screen = DossierScreen(dossierID: id, tab: tab, environment)
        if let failure = screen.takeReadFailure() { return .notice(failure) }
        guard screen.card != nil else {
            return .notice(Toast(environment.strings["dossier.missing"], kind: .error))
        }
        return .open(screen)
    }

    /// The entry form of `kind` for a dossier; with `prefill`, filled in with what a refused
    /// entry held, and saving it settles that refusal as corrected.
    static func newRecord(_ kind: NewRecordKind, dossierID: String, prefill: RecordPrefill? = nil,
                          editing: TimeRecord? = nil, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        let found: DossierCard?
        do {
            found = try environment.database.openDossier(dossierID, year: environment.today.year)
        } catch {
            return .readFailed(error, strings)
        }
        guard let card = found else { return .notice(Toast(strings["dossier.missing"], kind: .error)) }
        let permission: Permission = kind == .art60Event ? .manageArt60 : .enterTimeRecord
        let employer = card.dossier.employerCode
        guard environment.rights.may(permission, at: employer) else {
            return .notice(Toast(strings.message(for: .permissionDenied(permission: permission, employerCode: employer)), kind: .error))
        }
        let form: RecordFormScreen
        switch kind {
        case .absence: form = AbsenceFormScreen(dossierID: dossierID, card: card, environment)
        case .clocking: form = ClockingFormScreen(dossierID: dossierID, card: card, environment)
        case .art60Event:
            let read: Art60Card?
            do {
                read = try environment.database.art60Card(dossierID: dossierID, asOf: environment.today, rules: environment.rules)
            } catch {
                return .readFailed(error, strings)
            }
            guard let art60 = read, let contract = art60.currentContract else {
                return .notice(Toast(strings["dossier.art60.none"], kind: .error))
            }
            form = Art60EventFormScreen(dossierID: dossierID, card: card, art60: art60, contract: contract, environment)
        }
        if let prefill {
            form.prefill(prefill.values, environment)
            form.correcting = prefill.correcting
        }
        if let editing { form.edit(editing, environment) }
        return .open(form)
    }

    private static func unavailable(_ action: String, _ environment: ScreenEnvironment) -> ScreenResult {
        .notice(Toast(environment.strings.format("action.unavailable", ["action": environment.strings["action." + action]]),
                      kind: .error))
    }
}
