import FicheTerminal
import XCTest

final class KeymapTests: XCTestCase {
    private let catalog = KeymapCatalog(locations: ShippedConfig.locations)

    func testEveryShippedKeymapLoadsWithoutAnIssue() throws {
        XCTAssertEqual(catalog.issues, [])
        XCTAssertEqual(catalog.names, ["default", "mc", "vim"])
    }

    func testTheDefaultKeymapFollowsTheFunctionKeyConvention() throws {
        let keys = try catalog.keymap(named: "default")
        let expected: [(Key, KeyContext, ActionID)] = [
            (.function(1), .list, "app.help"), (.character("?"), .list, "app.help"),
            (.function(2), .form, "form.save"), (.control("s"), .form, "form.save"),
            (.function(3), .list, "list.search"), (.character("/"), .list, "list.search"),
            (.function(4), .list, "list.filter"), (.function(5), .queue, "queue.approve"),
            (.function(7), .list, "record.new"), (.function(8), .list, "record.delete"),
            (.function(9), .list, "app.palette"), (.character(":"), .list, "app.palette"),
            (.function(10), .form, "app.quit"), (.control("q"), .form, "app.quit"),
            (.function(10), .list, "app.quit"), (.escape, .list, "app.back"),
            (.enter, .list, "list.open"), (.tab, .form, "form.next"), (.backTab, .form, "form.previous"),
        ]
        for (key, context, action) in expected {
            XCTAssertEqual(keys.action(for: key, in: context), action, "\(key.name) in \(context)")
        }
        XCTAssertNil(keys.action(for: .character("q"), in: .form), "q must stay typable in a form")
        XCTAssertNil(keys.action(for: .character("q"), in: .list), "the list searches as you type: q starts a name")
    }

    func testNoCoreActionNeedsAltGrOnAzertyAndNothingDestructiveIsOnCtrl() throws {
        for name in catalog.names {
            let keymap = try catalog.keymap(named: name)
            for (context, actions) in keymap.bindings {
                for (action, keys) in actions {
                    for key in keys {
                        XCTAssertFalse(key.needsAltGrOnAzerty, "\(name): \(key.name) for \(action) in \(context) needs AltGr")
                        if ActionRegistry.standard.descriptor(for: action)?.isDestructive == true, case .control = key {
                            XCTFail("\(name): \(action) on \(key.name)")
                        }
                    }
                }
            }
        }
    }

    func testVimAddsLettersAndMcKeepsOnlyFunctionKeys() throws {
        let vim = try catalog.keymap(named: "vim")
        XCTAssertEqual(vim.action(for: .character("j"), in: .list), "list.down")
        XCTAssertEqual(vim.action(for: .character("G"), in: .list), "list.last")
        XCTAssertEqual(vim.action(for: .control("d"), in: .list), "list.pageDown")
        XCTAssertEqual(vim.action(for: .function(10), in: .list), "app.quit", "vim keeps the default F-keys")
        let mc = try catalog.keymap(named: "mc")
        XCTAssertNil(mc.action(for: .character("q"), in: .list), "\"none\" unbinds q in mc lists")
        XCTAssertNil(mc.action(for: .character("?"), in: .list))
        XCTAssertEqual(mc.action(for: .function(3), in: .list), "list.open")
        XCTAssertEqual(mc.keys(for: "app.quit", in: .list), [.function(10)])
    }

    func testAConflictAndAnUnknownActionAreReportedWithFileAndLine() throws {
        let (catalog, file) = try userCatalog(keymap: "mine", """
            name = "mine"
            base = "default"

            [list]
            "list.open" = ["Enter", "o"]
            "record.new" = ["o"]
            "list.teleport" = ["t"]
            "record.delete" = ["Ctrl+D"]
            "list.up" = ["Hyper+K"]
            """)
        XCTAssertEqual(catalog.issues.map(\.description), [
            "\(file):6: o is bound to both list.open and record.new in [list]",
            "\(file):7: unknown action \"list.teleport\" in [list]",
            "\(file):8: record.delete deletes or rejects: it may not be on a bare Ctrl+letter (Ctrl+D)",
            "\(file):9: unknown key \"Hyper+K\" for list.up",
        ])
        XCTAssertEqual(try catalog.keymap(named: "mine").action(for: .character("o"), in: .list), "list.open")
    }

    func testAUserFileOverlaysTheShippedKeymapOfTheSameName() throws {
        let (catalog, _) = try userCatalog(keymap: "default", """
            [list]
            "list.open" = ["Enter", "F8"]
            "app.help" = "none"

            [global]
            "app.help" = ["F1"]
            """)
        XCTAssertEqual(catalog.issues, [])
        let keymap = try catalog.keymap(named: "default")
        XCTAssertEqual(keymap.action(for: .function(8), in: .list), "list.open", "the user's F8 wins")
        XCTAssertEqual(keymap.keys(for: "record.delete", in: .list), [], "and record.delete lost it")
        XCTAssertNil(keymap.action(for: .character("?"), in: .list))
        XCTAssertEqual(keymap.action(for: .function(10), in: .list), "app.quit", "the rest is untouched")
    }

    func testMalformedTOMLIsReportedWithItsLine() throws {
        let (catalog, file) = try userCatalog(keymap: "broken", "name = \"broken\"\n[list]\n\"list.up\" = [\"k\"\n")
        XCTAssertEqual(catalog.issues.map(\.description), ["\(file):3: the array opened on this line is never closed with ']'"])
    }

    func testAKeyInAListSpanningLinesIsReportedOnItsOwnLine() throws {
        let (catalog, file) = try userCatalog(keymap: "long", """
            base = "default"
            [list]
            "list.up" = [
              "k",
              "Hyper+K",
            ]
            list.down = ["j", "Hyper+J"]
            """)
        XCTAssertEqual(catalog.issues.map(\.description), [
            "\(file):5: unknown key \"Hyper+K\" for list.up",
            "\(file):7: unknown key \"Hyper+J\" for list.down",
        ])
        XCTAssertEqual(try catalog.keymap(named: "long").action(for: .character("j"), in: .list), "list.down", "a dotted key names the action too")
    }

    /// The shipped keymaps with a user file `keymaps/<name>.toml` holding `text`, and that file's path.
    private func userCatalog(keymap name: String, _ text: String) throws -> (KeymapCatalog, file: String) {
        let folder = try ShippedConfig.userFolder(["keymaps/\(name).toml": text])
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let catalog = KeymapCatalog(locations: ConfigLocations(shipped: ShippedConfig.locations.shipped, user: folder))
        return (catalog, folder.appendingPathComponent("keymaps/\(name).toml").path)
    }

    func testKeyNamesReadAndWriteTheSame() {
        for name in ["F1", "F10", "Ctrl+S", "Shift+Tab", "PgDn", "Esc", "Space", "Alt+x", "q", "G", "?", "Enter", "Insert"] {
            XCTAssertEqual(Key(name: name)?.name, name)
        }
        XCTAssertEqual(Key(name: "ctrl+s"), .control("s"))
        XCTAssertNil(Key(name: "F13"))
    }
}
