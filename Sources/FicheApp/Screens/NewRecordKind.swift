/// The entry forms a dossier opens: F7 an absence, Ctrl+K a clocking, Ctrl+A an art. 60 event.
public enum NewRecordKind: String, CaseIterable, Sendable {
    case absence
    case clocking
    case art60Event
}
