import FicheDomain

/// An art. 60 contract the follow-up cell should look at now: it ends soon, or its worker
/// reaches (or has reached) the qualifying target.
public struct Art60WatchItem: Hashable, Sendable {
    public var contract: Art60Contract
    public var dossier: DossierListRow
    /// Every reason that applies, earliest date first.
    public var reasons: [Art60WatchReason]
    /// The contract's progress on the day asked for; nil when the rules cannot say.
    public var progress: Art60Progress?
    /// The partner organisation of the contract's latest placement, if any.
    public var partnerName: String?
    /// Days since the contract was created (its first audit row, else its start date).
    public var ageDays: Int
    /// Opens the dossier at its Article 60 tab.
    public var link: DossierLink

    public init(contract: Art60Contract, dossier: DossierListRow, reasons: [Art60WatchReason],
                progress: Art60Progress?, partnerName: String? = nil, ageDays: Int, link: DossierLink) {
        self.contract = contract
        self.dossier = dossier
        self.reasons = reasons
        self.progress = progress
        self.partnerName = partnerName
        self.ageDays = ageDays
        self.link = link
    }

    /// The earliest date among the reasons: what the list is ordered by.
    public var dueDate: LocalDate { reasons.map(\.date).min() ?? contract.start }
}
