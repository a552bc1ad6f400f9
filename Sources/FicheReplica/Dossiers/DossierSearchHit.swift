/// A dossier found by a search, with its rank (lower is better, bm25).
public struct DossierSearchHit: Hashable, Sendable {
    public var row: DossierListRow
    public var rank: Double
    /// The position to continue from for the next page of results.
    public var cursor: DossierSearchCursor

    public init(row: DossierListRow, rank: Double, cursor: DossierSearchCursor) {
        self.row = row
        self.rank = rank
        self.cursor = cursor
    }
}
