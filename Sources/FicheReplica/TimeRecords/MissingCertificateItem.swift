import FicheDomain

/// An absence whose medical certificate should have arrived and has not.
public struct MissingCertificateItem: Hashable, Sendable {
    public var record: TimeRecord
    public var dossier: DossierListRow
    /// The last day the certificate was due, by the absence type's rule.
    public var dueBy: LocalDate
    /// Days since `dueBy`.
    public var daysOverdue: Int
    /// Days since the record was entered (its first audit row, else its start date).
    public var ageDays: Int
    /// Opens the dossier at its time records.
    public var link: DossierLink

    public init(record: TimeRecord, dossier: DossierListRow, dueBy: LocalDate, daysOverdue: Int, ageDays: Int,
                link: DossierLink) {
        self.record = record
        self.dossier = dossier
        self.dueBy = dueBy
        self.daysOverdue = daysOverdue
        self.ageDays = ageDays
        self.link = link
    }
}
