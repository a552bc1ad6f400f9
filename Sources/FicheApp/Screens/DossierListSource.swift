import FicheReplica
import FicheWidgets

/// The dossier list as the replica pages it, in the query's order and filter.
public struct DossierListSource: PagedSource, Sendable {
    public let database: AppDatabase
    public let query: DossierListQuery

    public init(database: AppDatabase, query: DossierListQuery = DossierListQuery()) {
        self.database = database
        self.query = query
    }

    public func rows(after row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        try database.dossierPage(query, after: row.map(DossierListCursor.init), limit: limit)
    }

    public func rows(before row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        try database.dossierPage(query, before: row.map(DossierListCursor.init), limit: limit)
    }
}
