import FicheTerminal

/// A column of a `Table`: its title, how wide it wants to be, and how its text aligns.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Columns it needs at least.
    public var minimumWidth: Int
    /// Share of the width left over once every column has its minimum (0: stays at minimum).
    public var weight: Int
    public var alignRight: Bool

    public init(title: String, minimumWidth: Int, weight: Int = 0, alignRight: Bool = false) {
        self.title = title
        self.minimumWidth = minimumWidth
        self.weight = weight
        self.alignRight = alignRight
    }
}
