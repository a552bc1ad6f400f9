/// A position in the dossier list (keyset paging): the sort keys and id of a row.
///
/// Build it from the last (or first) row on screen; each sort order reads the keys it needs.
public struct DossierListCursor: Hashable, Sendable {
    public var sortName: String
    public var id: String
    public var dossierNumber: String
    public var employerCode: String
    public var clerkSortKey: String
    public var category: String
    public var status: String

    public init(sortName: String, id: String, dossierNumber: String = "", employerCode: String = "",
                clerkSortKey: String = "", category: String = "", status: String = "") {
        self.sortName = sortName
        self.id = id
        self.dossierNumber = dossierNumber
        self.employerCode = employerCode
        self.clerkSortKey = clerkSortKey
        self.category = category
        self.status = status
    }

    public init(_ row: DossierListRow) {
        self.init(sortName: row.sortName, id: row.id, dossierNumber: row.dossierNumber,
                  employerCode: row.employerCode, clerkSortKey: row.clerkSortKey, category: row.category,
                  status: row.status)
    }

    /// The cursor's values for the key columns of `order`, in order.
    func keys(for order: DossierSortOrder) -> [String] {
        switch order {
        case .name: return [sortName, id]
        case .number: return [dossierNumber, id]
        case .employer: return [employerCode, sortName, id]
        case .clerk: return [clerkSortKey, sortName, id]
        case .category: return [category, sortName, id]
        case .status: return [status, sortName, id]
        }
    }
}
