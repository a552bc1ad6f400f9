/// Which column a table is sorted by, and which way: shown as ▲ or ▼ after its title.
public struct TableSort: Hashable, Sendable {
    public var column: Int
    public var ascending: Bool

    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// The indicator drawn after the sorted column's title.
    public var indicator: String { ascending ? "▲" : "▼" }
}
