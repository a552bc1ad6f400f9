import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Ctrl+N on a dossier: a note of facts (who called, what was agreed; never health details).
/// Enter on one's own note of the notes tab opens it here to edit it. Saved on this device at
/// once and sent with the next sync.
public final class NoteFormScreen: RecordFormScreen {
    /// The note being edited; nil for a new one.
    public let note: DossierNote?

    public init(dossierID: String, card: DossierCard, note: DossierNote? = nil, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        self.note = note
        super.init(dossierID: dossierID, card: card, titleKey: note == nil ? "form.note.title" : "form.note.editTitle", fields: [
            FormField(label: strings["form.note.text"], kind: .text(maxLength: DossierNote.maximumLength), text: note?.text ?? "",
                      isRequired: true),
        ])
    }

    override func notes(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["form.note.hint"]]
    }

    override func save(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        let text = form.fields[0].text
        do {
            if let note {
                guard try environment.database.editNote(id: note.id, text: text, by: environment.user) != nil else {
                    return .close(Toast(strings["form.note.unchanged"], kind: .info))
                }
                return .close(Toast(strings["form.note.edited"], kind: .success))
            }
            try environment.database.addNote(dossierID: dossierID, text: text, by: environment.user)
        } catch let violation as RuleViolation {
            return refuse(violation, field: 0, environment)
        } catch {
            return failed(error, environment)
        }
        return .close(Toast(strings["form.note.saved"], kind: .success))
    }
}
