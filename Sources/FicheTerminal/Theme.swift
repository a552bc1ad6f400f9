/// Turns the roles screens paint with into concrete styles.
///
/// Roles a theme does not name fall back to their parent role ("row.pending" → "row"),
/// then to `normal`. A `Theme` is what a `ThemeDefinition` gives for one colour depth.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]
    /// The colour depth every colour of this theme fits.
    public var depth: ColorDepth

    public init(name: String, styles: [StyleRole: Style], depth: ColorDepth = .truecolor) {
        self.name = name
        self.styles = styles
        self.depth = depth
    }

    public func style(for role: StyleRole) -> Style {
        var name = role.rawValue
        while true {
            if let style = styles[StyleRole(name)] { return style }
            guard let dot = name.lastIndex(of: ".") else { break }
            name = String(name[..<dot])
        }
        return styles[.normal] ?? .plain
    }

    /// A theme that needs no colour at all: attributes only. The base of every `mono` section,
    /// and what draws when no theme file loads.
    public static let monochrome = Theme(name: "mono", styles: [
        .normal: .plain,
        .header: Style(reverse: true),
        .columnHeader: Style(bold: true, underline: true),
        .selected: Style(reverse: true),
        .status: Style(reverse: true),
        .keyHint: Style(reverse: true),
        .keyHintKey: Style(bold: true),
        .message: Style(bold: true),
        .error: Style(bold: true, underline: true),
        .dim: Style(dim: true),
        .rowPending: Style(bold: true),
        .rowConflict: Style(bold: true, underline: true),
        .rowValidated: .plain,
        .rowRejected: Style(dim: true),
        .field: Style(underline: true),
        .fieldFocused: Style(reverse: true),
        .fieldInvalid: Style(bold: true, underline: true),
        .dialog: .plain,
        .dialogTitle: Style(bold: true),
        .toast: Style(bold: true),
        .chartBar: Style(reverse: true),
        .chartBarAlt: Style(reverse: true, dim: true),
        .heatmap(0): Style(dim: true),
        .heatmap(1): .plain,
        .heatmap(2): Style(bold: true),
        .heatmap(3): Style(reverse: true),
        .heatmap(4): Style(bold: true, reverse: true),
        .badgeOnline: Style(bold: true),
        .badgeOffline: Style(bold: true, reverse: true),
        .mark: Style(bold: true),
    ], depth: .mono)
}
