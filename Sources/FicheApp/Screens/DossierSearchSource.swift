import FicheReplica
import FicheWidgets

/// The dossiers matching what the clerk typed, best first, among those the list's filter shows.
///
/// A keystroke fetches only the first screenful; scrolling further fetches the next hits by
/// the ranking's keyset cursor, so typing costs the same whatever the number of matches. Hits
/// already fetched are kept for scrolling back up.
public final class DossierSearchSource: PagedSource, @unchecked Sendable {
    private let database: AppDatabase
    private let text: String
    private let filter: DossierListFilter
    private var hits: [DossierSearchHit] = []
    private var exhausted = false

    public init(database: AppDatabase, text: String, filter: DossierListFilter, firstPage: Int = 40) throws {
        self.database = database
        self.text = text
        self.filter = filter
        try fetch(firstPage)
    }

    /// The hits fetched so far (at least the first screenful).
    public var rows: [DossierListRow] { hits.map(\.row) }

    private func fetch(_ count: Int) throws {
        guard !exhausted else { return }
        let page = try database.searchDossiers(text, filter: filter, after: hits.last?.cursor, limit: count)
        hits += page
        if page.count < count { exhausted = true }
    }

    public func rows(after row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        let start = row.flatMap { row in hits.firstIndex { $0.row.id == row.id }.map { $0 + 1 } } ?? 0
        if start + limit > hits.count { try fetch(start + limit - hits.count) }
        return Array(hits[min(start, hits.count)...].prefix(limit)).map(\.row)
    }

    public func rows(before row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        if row == nil {
            // The end of a search: everything up to the last of the ranked candidates.
            try fetch(AppDatabase.rankedCandidates)
        }
        let end = row.flatMap { row in hits.firstIndex { $0.row.id == row.id } } ?? hits.count
        return Array(hits[..<end].suffix(limit)).map(\.row)
    }
}
