import FicheWidgets

/// A queue as the screen pages it: its rows a page at a time (`PagedSource`), how many there
/// are, and the place of a row. The validation queue reads each page from the replica by keyset;
/// the queues worked out by rules (art. 60, certificates, absences) are read whole and paged here.
struct QueueSource: PagedSource {
    var after: (QueueItem?, Int) throws -> [QueueItem]
    var before: (QueueItem?, Int) throws -> [QueueItem]
    /// How many rows come before this one.
    var index: (QueueItem) throws -> Int
    /// How many rows the queue holds.
    var total: () throws -> Int

    func rows(after row: QueueItem?, limit: Int) throws -> [QueueItem] { try after(row, limit) }

    func rows(before row: QueueItem?, limit: Int) throws -> [QueueItem] { try before(row, limit) }

    /// Pages through `items`, read before; a row no longer there reads as the start of the list.
    static func list(_ items: [QueueItem]) -> QueueSource {
        func position(_ row: QueueItem) -> Int? { items.firstIndex { $0.id == row.id } }
        return QueueSource(
            after: { row, limit in
                let start = row.map { position($0).map { $0 + 1 } ?? 0 } ?? 0
                return Array(items[min(start, items.count)...].prefix(limit))
            },
            before: { row, limit in
                guard let row else { return Array(items.suffix(limit)) }
                guard let end = position(row) else { return [] }
                return Array(items[..<end].suffix(limit))
            },
            index: { position($0) ?? 0 },
            total: { items.count })
    }
}
