/// A position in ranked search results: the rank and list id of the last hit shown.
public struct DossierSearchCursor: Hashable, Sendable {
    public var rank: Double
    public var listID: Int64

    public init(rank: Double, listID: Int64) {
        self.rank = rank
        self.listID = listID
    }
}
