import FicheDomain

/// Where a page of the validation queue starts or ends: the entry's dossier number (for the
/// dossier order), start date and id, the keys of every `ValidationQueueOrder`.
public struct ValidationQueueCursor: Hashable, Sendable {
    public var dossierNumber: String
    public var start: LocalDate
    public var id: String

    public init(dossierNumber: String = "", start: LocalDate, id: String) {
        self.dossierNumber = dossierNumber
        self.start = start
        self.id = id
    }

    public init(_ item: ValidationQueueItem) {
        self.init(dossierNumber: item.dossier.dossierNumber, start: item.record.start, id: item.record.id)
    }
}
