import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// F4 on a conflict: the field again, filled in with what the clerk typed (empty when the role
/// may only see it masked), the server's current value shown under it. Saving checks the value as any field change (a valid IBAN, the
/// right to change it) and sends it as a new change starting from the server's value; the
/// conflict then leaves the list. Esc leaves it listed.
public final class ConflictEditFormScreen: RecordFormScreen {
    public let conflict: SyncConflict
    private let field: String

    public init(conflict: SyncConflict, dossierID: String, card: DossierCard, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let name = conflict.field ?? ""
        let typed = conflict.changes[name]?.new ?? ""
        // A value the role may only see masked is typed again rather than shown in full.
        let visible = !ConflictsScreen.displayed(typed, field: name, employerCode: conflict.employerCode, environment).contains("*")
        self.conflict = conflict
        self.field = name
        super.init(dossierID: dossierID, card: card, titleKey: "conflicts.edit.title", fields: [
            FormField(label: ConflictsScreen.fieldName(name, strings), kind: .text(maxLength: 70),
                      text: visible ? typed : "", isRequired: name != DossierField.iban.rawValue),
        ])
    }

    override func notes(_ environment: ScreenEnvironment) -> [String] {
        let strings = environment.strings
        let change = conflict.changes[field]
        func shown(_ value: String?) -> String {
            ConflictsScreen.displayed(value, field: field, employerCode: conflict.employerCode, environment)
        }
        return [strings.format("conflicts.edit.theirs", ["value": shown(conflict.serverValue)]),
                strings.format("conflicts.edit.base", ["value": shown(change?.old)])]
    }

    override func save(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        let text = form.fields[0].text
        do {
            try environment.database.resolveConflict(mutationID: conflict.mutationID, with: text, by: environment.user)
        } catch let violation as RuleViolation {
            return refuse(violation, field: 0, environment)
        } catch is FieldValueError {
            let message = strings.format("conflicts.edit.invalid", ["field": form.fields[0].label])
            form.fields[0].problem = .rule(message)
            return .notice(Toast(message, kind: .error))
        } catch {
            return failed(error, environment)
        }
        return .close(Toast(strings.format("conflicts.edited", ["dossier": conflict.dossierNumber ?? conflict.targetID]),
                            kind: .success))
    }
}
