import FicheTerminal
import XCTest

final class ThemeTests: XCTestCase {
    private let catalog = ThemeCatalog(locations: ShippedConfig.locations)

    func testTheFiveShippedThemesLoadWithoutAnIssue() {
        XCTAssertEqual(catalog.issues, [])
        XCTAssertEqual(catalog.names, ["colour-blind-safe", "default", "high-contrast", "light", "mono"])
    }

    func testEveryThemeStylesEveryRoleAtEveryDepthWithColoursTheTerminalCanShow() throws {
        for name in catalog.names {
            let definition = try XCTUnwrap(catalog.definition(named: name))
            for role in StyleRole.all {
                XCTAssertNotNil(definition.roles[role], "\(name) does not style \(role)")
            }
            for depth in ColorDepth.allCases {
                let theme = try catalog.theme(named: name, depth: depth)
                XCTAssertEqual(theme.depth, depth)
                for role in StyleRole.all {
                    let style = theme.style(for: role)
                    for colour in [style.foreground, style.background] {
                        XCTAssertTrue(colour.fits(depth), "\(name) at \(depth): \(role) uses \(colour)")
                    }
                }
                // The selection must stand out from normal rows at every depth.
                XCTAssertNotEqual(theme.style(for: .selected), theme.style(for: .normal), "\(name) at \(depth)")
            }
        }
    }

    func testMonoUsesAttributesOnlyAndTheThemesOwnMonoSection() throws {
        let theme = try catalog.theme(named: "default", depth: .mono)
        XCTAssertEqual(theme.style(for: .header), Style(bold: true, reverse: true), "from [mono] of default.toml")
        XCTAssertEqual(theme.style(for: .selected), Style(reverse: true))
        XCTAssertEqual(theme.style(for: .rowConflict), Style(bold: true, underline: true), "from the built-in mono base")
    }

    func testColoursAreReducedToTheNextDepthDown() throws {
        let truecolor = try catalog.theme(named: "colour-blind-safe", depth: .truecolor)
        XCTAssertEqual(truecolor.style(for: .rowPending).foreground, .rgb(0xE6, 0x9F, 0x00))
        let at256 = try catalog.theme(named: "colour-blind-safe", depth: .color256)
        XCTAssertEqual(at256.style(for: .rowPending).foreground, .indexed(178), "#e69f00 in the 6×6×6 cube")
        let at16 = try catalog.theme(named: "colour-blind-safe", depth: .ansi16)
        XCTAssertEqual(at16.style(for: .rowPending).foreground, .ansi(3), "[ansi16] of the file")
        XCTAssertEqual(at16.style(for: .selected).background, .ansi(11))
        let light16 = try catalog.theme(named: "light", depth: .ansi16)
        XCTAssertEqual(light16.style(for: .selected), Style(foreground: .ansi(15), background: .ansi(4)))
    }

    func testBaseInheritanceFillsWhatALightThemeDoesNotName() throws {
        let light = try XCTUnwrap(catalog.definition(named: "light"))
        let base = try XCTUnwrap(catalog.definition(named: "default"))
        XCTAssertEqual(light.roles[.normal], base.roles[.normal])
        XCTAssertNotEqual(light.roles[.selected], base.roles[.selected])
    }

    func testColourDepthFollowsTheEnvironmentAndTheTerminal() {
        XCTAssertEqual(ColorDepth.detect(environment: ["NO_COLOR": "1"], terminalColours: 256), .mono)
        XCTAssertEqual(ColorDepth.detect(environment: ["NO_COLOR": ""], terminalColours: 256), .color256)
        XCTAssertEqual(ColorDepth.detect(environment: [:], terminalColours: 0), .mono)
        XCTAssertEqual(ColorDepth.detect(environment: [:], terminalColours: 8), .ansi16)
        XCTAssertEqual(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColours: 256), .color256)
        XCTAssertEqual(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColours: 1 << 24), .truecolor)
        XCTAssertEqual(ColorDepth.detect(environment: [:], terminalColours: 1 << 24), .color256)
    }

    func testMistakesInAUserThemeAreReportedWithTheirLines() throws {
        let folder = try ShippedConfig.userFolder(["themes/mine.toml": """
            name = "mine"
            base = "light"
            depth = "64k"

            [roles]
            heder = { fg = "white" }
            selected = { fg = "purpleish", attrs = ["blink"] }
            """, "themes/loop.toml": "base = \"loop2\"\n", "themes/loop2.toml": "base = \"loop\"\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = ThemeCatalog(locations: ConfigLocations(shipped: ShippedConfig.locations.shipped, user: folder))
        let mine = folder.appendingPathComponent("themes/mine.toml").path
        let messages = catalog.issues.map(\.description)
        XCTAssertTrue(messages.contains("\(mine):3: depth must be \"16\", \"256\" or \"truecolor\", not \"64k\""), "\(messages)")
        XCTAssertTrue(messages.contains("\(mine):6: unknown role \"heder\" in [roles]"), "\(messages)")
        XCTAssertTrue(messages.contains("\(mine):7: fg of selected: \"purpleish\" is not a colour or palette name"), "\(messages)")
        XCTAssertTrue(messages.contains("\(mine):7: unknown attribute \"blink\" of selected (use bold, underline, reverse, dim)"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("loop") && $0.contains("form a loop") }, "\(messages)")
        XCTAssertNotNil(catalog.definition(named: "mine"), "a theme with mistakes still loads what it can")
    }

    func testABrokenThemeFileIsReportedOnItsLineAndTheOtherThemesStillLoad() throws {
        let folder = try ShippedConfig.userFolder([
            "themes/broken.toml": "name = \"broken\"\n\n[roles]\nnormal = { fg = \"white\"\nselected = { fg = \"black\" }\n",
            "themes/twice.toml": "[roles]\nnormal = {}\n\n[roles]\n",
            "themes/text.toml": "[palette]\nink = \"color7\"\nbar = color24\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = ThemeCatalog(locations: ConfigLocations(shipped: ShippedConfig.locations.shipped, user: folder))
        func path(_ name: String) -> String { folder.appendingPathComponent("themes/\(name).toml").path }
        XCTAssertEqual(catalog.issues.map(\.description), [
            "\(path("broken")):4: expected ',' or '}' in inline table (inline tables stay on one line)",
            "\(path("text")):3: 'color24' is not a value (expected a string in quotes, a number, a date or true/false)",
            "\(path("twice")):4: table [roles] is defined twice",
        ])
        XCTAssertEqual(catalog.names, ["colour-blind-safe", "default", "high-contrast", "light", "mono"])
    }

    func testAUserFileOverlaysTheShippedThemeOfTheSameName() throws {
        let folder = try ShippedConfig.userFolder(["themes/default.toml": "[roles]\nselected = { fg = \"black\", bg = \"bright-green\" }\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = ThemeCatalog(locations: ConfigLocations(shipped: ShippedConfig.locations.shipped, user: folder))
        XCTAssertEqual(catalog.issues, [])
        let theme = try catalog.theme(named: "default", depth: .color256)
        XCTAssertEqual(theme.style(for: .selected).background, .ansi(10))
        XCTAssertEqual(theme.style(for: .header).background, .indexed(24), "the rest of the shipped theme stays")
    }

    func testAnUnknownThemeNameListsTheAvailableOnes() {
        XCTAssertThrowsError(try catalog.theme(named: "solarized", depth: .color256)) { error in
            XCTAssertTrue("\(error)".contains("available: colour-blind-safe, default, high-contrast, light, mono"), "\(error)")
        }
    }
}
