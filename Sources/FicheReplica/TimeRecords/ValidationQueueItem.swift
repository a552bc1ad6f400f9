import FicheDomain

/// A submitted time record waiting for a supervisor to validate or reject it.
public struct ValidationQueueItem: Hashable, Sendable {
    public var record: TimeRecord
    /// The dossier it belongs to (number, name, employer, clerk).
    public var dossier: DossierListRow
    /// User id of who entered it (the four-eyes rule: they may not validate it).
    public var enteredBy: String
    /// Their display name; nil when the user is not in the replica.
    public var enteredByName: String?
    /// Days since the record was entered (see `AppDatabase.validationQueue`).
    public var ageDays: Int
    /// Opens the dossier at its time records.
    public var link: DossierLink

    public init(record: TimeRecord, dossier: DossierListRow, enteredBy: String, enteredByName: String?, ageDays: Int,
                link: DossierLink) {
        self.record = record
        self.dossier = dossier
        self.enteredBy = enteredBy
        self.enteredByName = enteredByName
        self.ageDays = ageDays
        self.link = link
    }
}
