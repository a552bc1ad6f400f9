import FicheDomain

/// Everything the dossier screen shows for one dossier and one year, from the working view.
public struct DossierCard: Hashable, Sendable {
    public var dossier: Dossier
    public var person: Person
    public var employer: Employer
    public var career: [CareerPeriod]
    /// The dossier's time records touching the year, by start date.
    public var timeRecords: [TimeRecord]
    /// Ids of the records above that wait in the outbox (shown with a "pending" marker).
    public var pendingRecordIDs: Set<String>
    /// The new IBAN waiting for a second person's confirmation (masked as the user's role
    /// shows IBANs), and who asked for it; nil when none waits.
    public var ibanChange: IBANChange?

    public init(dossier: Dossier, person: Person, employer: Employer, career: [CareerPeriod],
                timeRecords: [TimeRecord], pendingRecordIDs: Set<String>) {
        self.dossier = dossier
        self.person = person
        self.employer = employer
        self.career = career
        self.timeRecords = timeRecords
        self.pendingRecordIDs = pendingRecordIDs
    }
}
