/// A theme file as written: roles with colours and attributes, palette aliases, what it
/// inherits, the colour depth it is drawn for, and its `mono` and `ansi16` sections.
///
/// ```toml
/// name = "light"
/// base = "default"
/// depth = "256"
/// [palette]
/// ink = "color236"
/// [roles]
/// normal = { fg = "ink", bg = "default" }
/// "row.pending" = { fg = "color130", attrs = ["bold"] }
/// [mono]
/// selected = { attrs = ["reverse"] }
/// ```
public struct ThemeDefinition: Hashable, Sendable {
    public var name: String
    public var base: String?
    /// The depth the theme is drawn for; on a poorer terminal colours are reduced.
    public var depth: ColorDepth
    public var palette: [String: TerminalColor]
    public var roles: [StyleRole: Style]
    /// Replaces `roles` entries when the terminal shows 16 colours or fewer.
    public var ansi16: [StyleRole: Style]
    /// Attributes only, used under `NO_COLOR` or without colour.
    public var mono: [StyleRole: Style]

    public init(name: String, base: String? = nil, depth: ColorDepth = .ansi16, palette: [String: TerminalColor] = [:],
                roles: [StyleRole: Style] = [:], ansi16: [StyleRole: Style] = [:], mono: [StyleRole: Style] = [:]) {
        self.name = name
        self.base = base
        self.depth = depth
        self.palette = palette
        self.roles = roles
        self.ansi16 = ansi16
        self.mono = mono
    }

    /// Attribute names a role may list in `attrs`.
    public static let attributeNames = ["bold", "underline", "reverse", "dim"]

    /// Reads a parsed theme file; every problem found is appended to `issues` with its line.
    public static func read(_ document: ConfigDocument, name: String, issues: inout [ConfigIssue]) -> ThemeDefinition {
        var definition = ThemeDefinition(name: name)
        let known = Set(["name", "description", "base", "depth", "palette", "roles", "ansi16", "mono"])
        for entry in document.root.entries ?? [] where !known.contains(entry.key) {
            issues.append(ConfigIssue(file: document.file, line: document.line(ofKey: entry.key),
                                      message: "unknown setting \"\(entry.key)\" (expected one of: \(known.sorted().joined(separator: ", ")))"))
        }
        if let base = document.root["base"] {
            if let text = base.string { definition.base = text } else {
                issues.append(ConfigIssue(file: document.file, line: document.line(ofKey: "base"), message: "base must be a theme name"))
            }
        }
        if let depth = document.root["depth"] {
            let text: String
            switch depth {
            case .integer(let n): text = "\(n)"
            case .string(let s): text = s
            default: text = ""
            }
            if let parsed = ColorDepth(name: text) { definition.depth = parsed } else {
                issues.append(ConfigIssue(file: document.file, line: document.line(ofKey: "depth"),
                                          message: "depth must be \"16\", \"256\" or \"truecolor\", not \(text.isEmpty ? depth.kindName : "\"\(text)\"")"))
            }
        }
        for entry in document.root["palette"]?.entries ?? [] {
            if let text = entry.value.string, let colour = TerminalColor(name: text) {
                definition.palette[entry.key] = colour
            } else {
                issues.append(ConfigIssue(file: document.file, line: document.line(ofKey: entry.key, inSection: "palette"),
                                          message: "palette colour \"\(entry.key)\" is not a colour (use a name, colorN or #rrggbb)"))
            }
        }
        definition.roles = readRoles(document, section: "roles", palette: definition.palette, issues: &issues)
        definition.ansi16 = readRoles(document, section: "ansi16", palette: definition.palette, issues: &issues)
        definition.mono = readRoles(document, section: "mono", palette: definition.palette, issues: &issues)
        for (role, style) in definition.mono where style.foreground != .terminalDefault || style.background != .terminalDefault {
            issues.append(ConfigIssue(file: document.file, line: document.line(ofKey: role.rawValue, inSection: "mono"),
                                      message: "the mono section takes attributes only, no colours (role \(role))"))
        }
        return definition
    }

    /// This theme laid over `base`: roles, palette and sections it names win.
    public func inheriting(from base: ThemeDefinition) -> ThemeDefinition {
        var merged = base
        merged.name = name
        merged.base = base.name
        merged.depth = depth
        merged.palette.merge(palette) { $1 }
        merged.roles.merge(roles) { $1 }
        merged.ansi16.merge(ansi16) { $1 }
        merged.mono.merge(mono) { $1 }
        return merged
    }

    /// The theme to draw with on a terminal of `depth`: colours the terminal cannot show are
    /// reduced to the nearest it can; under `.mono` only the `mono` section's attributes apply.
    public func theme(for depth: ColorDepth) -> Theme {
        if depth == .mono {
            var styles = Theme.monochrome.styles
            styles.merge(mono) { $1 }
            return Theme(name: name, styles: styles, depth: .mono)
        }
        var styles = roles
        if depth <= .ansi16 { styles.merge(ansi16) { $1 } }
        let reduced = styles.mapValues { style -> Style in
            var style = style
            style.foreground = style.foreground.reduced(to: depth) ?? .terminalDefault
            style.background = style.background.reduced(to: depth) ?? .terminalDefault
            return style
        }
        return Theme(name: name, styles: reduced, depth: depth)
    }

    private static func readRoles(_ document: ConfigDocument, section: String, palette: [String: TerminalColor],
                                  issues: inout [ConfigIssue]) -> [StyleRole: Style] {
        guard let value = document.root[section] else { return [:] }
        guard let entries = value.entries else {
            issues.append(ConfigIssue(file: document.file, line: document.line(ofKey: section), message: "[\(section)] must be a table"))
            return [:]
        }
        var styles: [StyleRole: Style] = [:]
        let known = Set(StyleRole.all.map(\.rawValue))
        for (name, table) in flatten(entries, prefix: "") {
            let line = document.line(ofKey: name, inSection: section)
            guard known.contains(name) else {
                issues.append(ConfigIssue(file: document.file, line: line, message: "unknown role \"\(name)\" in [\(section)]"))
                continue
            }
            styles[StyleRole(name)] = readStyle(table, role: name, palette: palette, file: document.file, line: line, issues: &issues)
        }
        return styles
    }

    /// Roles may be written `"row.pending" = {…}` or as nested tables; both give "row.pending".
    private static func flatten(_ entries: [(key: String, value: ConfigValue)], prefix: String) -> [(String, ConfigValue)] {
        let styleKeys = Set(["fg", "bg", "attrs"])
        var result: [(String, ConfigValue)] = []
        for entry in entries {
            let name = prefix.isEmpty ? entry.key : prefix + "." + entry.key
            if let inner = entry.value.entries, !inner.isEmpty, !inner.contains(where: { styleKeys.contains($0.key) }) {
                result += flatten(inner, prefix: name)
            } else {
                result.append((name, entry.value))
            }
        }
        return result
    }

    private static func readStyle(_ value: ConfigValue, role: String, palette: [String: TerminalColor],
                                  file: String, line: Int, issues: inout [ConfigIssue]) -> Style {
        guard let entries = value.entries else {
            issues.append(ConfigIssue(file: file, line: line, message: "role \(role) must be a table like { fg = \"white\", bg = \"blue\" }"))
            return .plain
        }
        var style = Style()
        for entry in entries {
            switch entry.key {
            case "fg", "bg":
                guard let text = entry.value.string, let colour = palette[text] ?? TerminalColor(name: text) else {
                    issues.append(ConfigIssue(file: file, line: line,
                                              message: "\(entry.key) of \(role): \(entry.value.string.map { "\"\($0)\"" } ?? entry.value.kindName) is not a colour or palette name"))
                    continue
                }
                if entry.key == "fg" { style.foreground = colour } else { style.background = colour }
            case "attrs":
                let names: [String]
                switch entry.value {
                case .array(let items): names = items.compactMap(\.string)
                case .string(let s): names = [s]
                default: names = []
                }
                for attribute in names {
                    switch attribute {
                    case "bold": style.bold = true
                    case "underline": style.underline = true
                    case "reverse": style.reverse = true
                    case "dim": style.dim = true
                    default:
                        issues.append(ConfigIssue(file: file, line: line,
                                                  message: "unknown attribute \"\(attribute)\" of \(role) (use \(attributeNames.joined(separator: ", ")))"))
                    }
                }
            default:
                issues.append(ConfigIssue(file: file, line: line, message: "unknown setting \"\(entry.key)\" of \(role) (use fg, bg, attrs)"))
            }
        }
        return style
    }
}
