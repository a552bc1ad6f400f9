/// A dossier list as the clerk set it up: an order, which way, and a filter.
public struct DossierListQuery: Hashable, Sendable {
    public var order: DossierSortOrder
    /// Z to A, latest number first…: the same index read backwards.
    public var descending: Bool
    public var filter: DossierListFilter

    public init(order: DossierSortOrder = .name, descending: Bool = false, filter: DossierListFilter = DossierListFilter()) {
        self.order = order
        self.descending = descending
        self.filter = filter
    }
}
