import FicheReplica
import FicheWidgets

/// The dossier list as the replica pages it, by name.
public struct DossierListSource: PagedSource, Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func rows(after row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        try database.dossierPage(after: row.map(DossierListCursor.init), limit: limit)
    }

    public func rows(before row: DossierListRow?, limit: Int) throws -> [DossierListRow] {
        try database.dossierPage(before: row.map(DossierListCursor.init), limit: limit)
    }
}
