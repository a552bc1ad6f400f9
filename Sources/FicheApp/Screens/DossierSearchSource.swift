import FicheReplica
import FicheWidgets

/// The dossiers matching what the clerk typed, best first, held to the list's filter.
///
/// A search answers from the ranked candidates (`AppDatabase.rankedCandidates`), so its hits
/// are fetched once per keystroke and paged in memory.
public struct DossierSearchSource: PagedSource, Sendable {
    public let hits: [DossierListRow]

    /// The hits for `text` among the dossiers the list's filter shows.
    public init(database: AppDatabase, text: String, filter: DossierListFilter) throws {
        hits = try database.searchDossiers(text, filter: filter, limit: AppDatabase.rankedCandidates).map(\.row)
    }

    public func rows(after row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        let start = row.flatMap { row in hits.firstIndex { $0.id == row.id }.map { $0 + 1 } } ?? 0
        return Array(hits[min(start, hits.count)...].prefix(limit))
    }

    public func rows(before row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        let end = row.flatMap { row in hits.firstIndex { $0.id == row.id } } ?? hits.count
        return Array(hits[..<end].suffix(limit))
    }
}
