import FicheDomain

/// Where a page of the validation queue starts or ends: the queue's order is the entry's start
/// date, then its id (the `time_record_submitted` index's order).
public struct ValidationQueueCursor: Hashable, Sendable {
    public var start: LocalDate
    public var id: String

    public init(start: LocalDate, id: String) {
        self.start = start
        self.id = id
    }

    public init(_ item: ValidationQueueItem) {
        self.init(start: item.record.start, id: item.record.id)
    }
}
