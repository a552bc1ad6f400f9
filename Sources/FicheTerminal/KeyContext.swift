/// Where keys are looked up: a keymap binds keys per context, and a key not bound in the
/// current context falls back to `global`.
public struct KeyContext: Hashable, Sendable, Comparable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: KeyContext, rhs: KeyContext) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Keys that work everywhere unless a context binds them otherwise.
    public static let global: KeyContext = "global"
    /// A list of dossiers or queue items.
    public static let list: KeyContext = "list"
    /// An entry form.
    public static let form: KeyContext = "form"
    /// A supervisor's queue.
    public static let queue: KeyContext = "queue"
    /// One dossier's tabs.
    public static let detail: KeyContext = "detail"
    /// A confirmation or reason dialog.
    public static let dialog: KeyContext = "dialog"
    /// The sync conflicts and refused changes.
    public static let conflicts: KeyContext = "conflicts"
    /// The workload screen: its views, the rebalancing proposal and the pooling what-if.
    public static let workload: KeyContext = "workload"

    /// Every context, in the order the reference lists them.
    public static let all: [KeyContext] = [.global, .list, .detail, .form, .queue, .conflicts, .workload, .dialog]
}
