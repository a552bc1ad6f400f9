/// A semantic name for how a cell looks ("selected", "header", "row.pending").
///
/// Screens paint with roles, never with colours; a `Theme` turns a role into a concrete
/// `Style` when the buffer is flushed to a real terminal. Snapshot tests record roles, so a
/// colour regression shows as a changed role.
public struct StyleRole: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static let normal: StyleRole = "normal"
    public static let header: StyleRole = "header"
    public static let columnHeader: StyleRole = "column.header"
    public static let selected: StyleRole = "selected"
    public static let status: StyleRole = "status"
    public static let keyHint: StyleRole = "key.hint"
    public static let keyHintKey: StyleRole = "key.hint.key"
    public static let message: StyleRole = "message"
    public static let error: StyleRole = "error"
    public static let dim: StyleRole = "dim"
}
