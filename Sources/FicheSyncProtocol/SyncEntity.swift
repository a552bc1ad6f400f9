/// The kinds of rows that sync.
public enum SyncEntity: String, Codable, Sendable, CaseIterable, Hashable {
    /// A dossier with its person's identity fields.
    case dossier
    case timeRecord = "time_record"
    case note
    /// Not a row: a scope event.
    case scope
}
