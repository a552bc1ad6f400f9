/// A write named a row the replica does not hold (or that the user may not see).
public struct MissingRowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var entity: String
    public var id: String

    public init(entity: String, id: String) {
        self.entity = entity
        self.id = id
    }

    public var description: String { "no \(entity) \(id) in this replica" }
}
