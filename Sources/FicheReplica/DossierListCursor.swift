/// A position in the dossier list: the sort key and id of a row (keyset paging).
public struct DossierListCursor: Hashable, Sendable {
    public var sortName: String
    public var id: String

    public init(sortName: String, id: String) {
        self.sortName = sortName
        self.id = id
    }

    public init(_ row: DossierListRow) {
        self.init(sortName: row.sortName, id: row.id)
    }
}
