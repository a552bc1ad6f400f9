import FicheDomain

/// An unjustified absence, for the supervisor (and the art. 60 follow-up) to act on.
public struct UnjustifiedAbsenceItem: Hashable, Sendable {
    public var record: TimeRecord
    public var dossier: DossierListRow
    /// Working days the absence covers on the dossier's calendar (half days count 0.5).
    public var workingDays: Double
    /// Days since the record was entered (its first audit row, else its start date).
    public var ageDays: Int
    /// Opens the dossier at its time records.
    public var link: DossierLink

    public init(record: TimeRecord, dossier: DossierListRow, workingDays: Double, ageDays: Int, link: DossierLink) {
        self.record = record
        self.dossier = dossier
        self.workingDays = workingDays
        self.ageDays = ageDays
        self.link = link
    }
}
