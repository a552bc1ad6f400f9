/// The entry forms a dossier opens: F7 an absence, Ctrl+K a clocking, Ctrl+A an art. 60 event.
public enum NewRecordKind: String, CaseIterable, Sendable {
    case absence
    case clocking
    case art60Event

    /// The form that enters again what a refused change of `mutation` held; nil for a change
    /// that is not a new entry (a field change is settled on the conflicts screen itself).
    public init?(mutation: String) {
        switch mutation {
        case "recordAbsence": self = .absence
        case "recordClocking": self = .clocking
        case "recordArt60Event": self = .art60Event
        default: return nil
        }
    }
}
