/// A dossier list as the clerk set it up: an order and a filter.
public struct DossierListQuery: Hashable, Sendable {
    public var order: DossierSortOrder
    public var filter: DossierListFilter

    public init(order: DossierSortOrder = .name, filter: DossierListFilter = DossierListFilter()) {
        self.order = order
        self.filter = filter
    }
}
