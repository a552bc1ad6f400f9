import FicheTerminal
import XCTest

/// Every shipped theme and keymap, read through the catalogs and written out in full, must
/// match `ShippedContents.listing`: a change in how TOML is read cannot change what ships.
final class ShippedContentsTests: XCTestCase {
    func testEveryShippedThemeAndKeymapReadsAsListed() throws {
        let themes = ThemeCatalog(locations: ShippedConfig.locations)
        let keymaps = KeymapCatalog(locations: ShippedConfig.locations)
        XCTAssertEqual(themes.issues + keymaps.issues, [])
        var lines: [String] = []
        for name in themes.names {
            let theme = try XCTUnwrap(themes.definition(named: name))
            lines.append("theme \(theme.name) base=\(theme.base ?? "-") depth=\(theme.depth)")
            for (alias, colour) in theme.palette.sorted(by: { $0.key < $1.key }) {
                lines.append("  palette \(alias) = \(colour)")
            }
            for (section, styles) in [("roles", theme.roles), ("ansi16", theme.ansi16), ("mono", theme.mono)] {
                for (role, style) in styles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    lines.append("  \(section) \(role) = \(Self.describe(style))")
                }
            }
        }
        for name in keymaps.names {
            let keymap = try keymaps.keymap(named: name)
            lines.append("keymap \(name)")
            for (context, actions) in keymap.bindings.sorted(by: { $0.key < $1.key }) {
                for (action, keys) in actions.sorted(by: { $0.key < $1.key }) {
                    let names = keys.isEmpty ? "(none)" : keys.map(\.name).joined(separator: " ")
                    lines.append("  [\(context)] \(action) = \(names)")
                }
            }
        }
        let listing = lines.joined(separator: "\n")
        let expected = ShippedContents.listing.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, expected.count)
        for (index, (line, want)) in zip(lines, expected).enumerated() where line != want {
            XCTFail("line \(index + 1): \(line) ≠ \(want)")
        }
        if listing != ShippedContents.listing { print(listing) }
    }

    private static func describe(_ style: Style) -> String {
        var parts = ["fg \(style.foreground)", "bg \(style.background)"]
        if style.bold { parts.append("bold") }
        if style.underline { parts.append("underline") }
        if style.reverse { parts.append("reverse") }
        if style.dim { parts.append("dim") }
        return parts.joined(separator: " ")
    }
}
