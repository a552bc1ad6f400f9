import FicheTOML

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
    public static func read(_ file: TOMLTable, name: String, issues: inout [FileIssue]) -> ThemeDefinition {
        var definition = ThemeDefinition(name: name)
        let known = Set(["name", "description", "base", "depth", "palette", "roles", "ansi16", "mono"])
        for key in file.keys where !known.contains(key) {
            issues.append(file.error("unknown setting \"\(key)\" (expected one of: \(known.sorted().joined(separator: ", ")))", at: key))
        }
        if let base = file["base"] {
            if let text = base.string { definition.base = text } else {
                issues.append(file.error("base must be a theme name", at: "base"))
            }
        }
        if let depth = file["depth"] {
            let text: String
            switch depth {
            case .integer(let n): text = "\(n)"
            case .string(let s): text = s
            default: text = ""
            }
            if let parsed = ColorDepth(name: text) { definition.depth = parsed } else {
                issues.append(file.error("depth must be \"16\", \"256\" or \"truecolor\", not \(text.isEmpty ? depth.kindName : "\"\(text)\"")",
                                         at: "depth"))
            }
        }
        if let palette = section("palette", of: file, issues: &issues) {
            for key in palette.keys {
                if let text = palette[key]?.string, let colour = TerminalColor(name: text) {
                    definition.palette[key] = colour
                } else {
                    issues.append(palette.error("palette colour \"\(key)\" is not a colour (use a name, colorN or #rrggbb)", at: key))
                }
            }
        }
        definition.roles = readRoles(file, section: "roles", palette: definition.palette, issues: &issues)
        definition.ansi16 = readRoles(file, section: "ansi16", palette: definition.palette, issues: &issues)
        definition.mono = readRoles(file, section: "mono", palette: definition.palette, issues: &issues)
        if let mono = file["mono"]?.table {
            for (name, _, line) in flatten(mono, prefix: "") {
                guard let style = definition.mono[StyleRole(name)],
                      style.foreground != .terminalDefault || style.background != .terminalDefault else { continue }
                issues.append(FileIssue(file: file.file, line: line,
                                        message: "the mono section takes attributes only, no colours (role \(name))"))
            }
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

    /// The table `[name]` of `file`; nil when absent, and an issue when it is not a table.
    private static func section(_ name: String, of file: TOMLTable, issues: inout [FileIssue]) -> TOMLTable? {
        guard let value = file[name] else { return nil }
        guard let table = value.table else {
            issues.append(file.error("[\(name)] must be a table", at: name))
            return nil
        }
        return table
    }

    private static func readRoles(_ file: TOMLTable, section name: String, palette: [String: TerminalColor],
                                  issues: inout [FileIssue]) -> [StyleRole: Style] {
        guard let table = section(name, of: file, issues: &issues) else { return [:] }
        var styles: [StyleRole: Style] = [:]
        let known = Set(StyleRole.all.map(\.rawValue))
        for (role, value, line) in flatten(table, prefix: "") {
            guard known.contains(role) else {
                issues.append(FileIssue(file: file.file, line: line, message: "unknown role \"\(role)\" in [\(name)]"))
                continue
            }
            styles[StyleRole(role)] = readStyle(value, role: role, palette: palette, file: file.file, line: line, issues: &issues)
        }
        return styles
    }

    /// Roles may be written `"row.pending" = {…}`, `row.pending = {…}` or as nested tables;
    /// all give "row.pending", with the line the role is written on.
    private static func flatten(_ table: TOMLTable, prefix: String) -> [(name: String, value: TOMLValue, line: Int)] {
        let styleKeys = Set(["fg", "bg", "attrs"])
        var result: [(name: String, value: TOMLValue, line: Int)] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let name = prefix.isEmpty ? key : prefix + "." + key
            if let inner = value.table, !inner.keys.isEmpty, !inner.keys.contains(where: { styleKeys.contains($0) }) {
                result += flatten(inner, prefix: name)
            } else {
                result.append((name, value, table.line(of: key)))
            }
        }
        return result
    }

    private static func readStyle(_ value: TOMLValue, role: String, palette: [String: TerminalColor],
                                  file: String, line: Int, issues: inout [FileIssue]) -> Style {
        guard let table = value.table else {
            issues.append(FileIssue(file: file, line: line, message: "role \(role) must be a table like { fg = \"white\", bg = \"blue\" }"))
            return .plain
        }
        var style = Style()
        for key in table.keys {
            guard let entryValue = table[key] else { continue }
            let entry = (key: key, value: entryValue)
            switch entry.key {
            case "fg", "bg":
                guard let text = entry.value.string, let colour = palette[text] ?? TerminalColor(name: text) else {
                    issues.append(FileIssue(file: file, line: line,
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
                        issues.append(FileIssue(file: file, line: line,
                                                  message: "unknown attribute \"\(attribute)\" of \(role) (use \(attributeNames.joined(separator: ", ")))"))
                    }
                }
            default:
                issues.append(FileIssue(file: file, line: line, message: "unknown setting \"\(entry.key)\" of \(role) (use fg, bg, attrs)"))
            }
        }
        return style
    }
}
