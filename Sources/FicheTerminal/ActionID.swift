/// The stable name of something the user can do: `list.open`, `form.save`, `queue.approve`.
///
/// Keymaps bind keys to these ids, the help overlay and the command palette list them, and
/// they never change once released (user keymaps name them).
public struct ActionID: Hashable, Sendable, Comparable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: ActionID, rhs: ActionID) -> Bool { lhs.rawValue < rhs.rawValue }
}
