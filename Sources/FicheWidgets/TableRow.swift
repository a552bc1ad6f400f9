/// One row of a `Table`: its text per column, its status, and whether it is marked for a
/// bulk action.
public struct TableRow: Hashable, Sendable {
    public var cells: [String]
    public var status: RowStatus
    public var isMarked: Bool

    public init(_ cells: [String], status: RowStatus = .none, isMarked: Bool = false) {
        self.cells = cells
        self.status = status
        self.isMarked = isMarked
    }
}
