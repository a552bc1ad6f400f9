/// Turns the roles screens paint with into concrete styles.
///
/// Roles a theme does not name fall back to their parent role ("row.pending" → "row"),
/// then to `normal`.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
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

    /// A theme that needs no colour at all: attributes only. Used when no theme file loads.
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
    ])
}
