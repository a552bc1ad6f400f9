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
    public static let rowPending: StyleRole = "row.pending"
    public static let rowConflict: StyleRole = "row.conflict"
    public static let rowValidated: StyleRole = "row.validated"
    public static let rowRejected: StyleRole = "row.rejected"
    public static let field: StyleRole = "field"
    public static let fieldFocused: StyleRole = "field.focused"
    public static let fieldInvalid: StyleRole = "field.invalid"
    public static let dialog: StyleRole = "dialog"
    public static let dialogTitle: StyleRole = "dialog.title"
    public static let toast: StyleRole = "toast"
    public static let chartBar: StyleRole = "chart.bar"
    public static let chartBarAlt: StyleRole = "chart.bar.alt"
    public static let badgeOnline: StyleRole = "badge.online"
    public static let badgeOffline: StyleRole = "badge.offline"
    public static let mark: StyleRole = "mark"

    /// The five shades of a heatmap, from nothing (0) to the most (4).
    public static func heatmap(_ level: Int) -> StyleRole { StyleRole("heatmap.\(min(4, max(0, level)))") }

    /// Every role the widgets paint with; each shipped theme styles all of them.
    public static let all: [StyleRole] = [
        .normal, .header, .columnHeader, .selected, .status, .keyHint, .keyHintKey, .message, .error, .dim,
        .rowPending, .rowConflict, .rowValidated, .rowRejected, .field, .fieldFocused, .fieldInvalid,
        .dialog, .dialogTitle, .toast, .chartBar, .chartBarAlt,
        heatmap(0), heatmap(1), heatmap(2), heatmap(3), heatmap(4), .badgeOnline, .badgeOffline, .mark,
    ]
}
