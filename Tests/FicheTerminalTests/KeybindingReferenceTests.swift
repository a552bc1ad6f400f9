import FicheTerminal
import Foundation
import XCTest

/// docs/keybindings.md is generated; this test fails when the checked-in file is stale.
final class KeybindingReferenceTests: XCTestCase {
    func testTheCheckedInReferenceMatchesTheRegistryAndKeymaps() throws {
        let catalog = KeymapCatalog(locations: ShippedConfig.locations)
        let keymaps = try ["default", "vim", "mc"].map { try catalog.keymap(named: $0) }
        let generated = KeybindingReference.markdown(registry: .standard, keymaps: keymaps)
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("../../docs/keybindings.md").standardized
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let checkedIn = try? String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(checkedIn, generated,
                       "docs/keybindings.md is out of date: RECORD_SNAPSHOTS=1 swift test --filter KeybindingReferenceTests")
    }

    func testEveryActionIsDocumentedWithItsKeys() throws {
        let keymap = try KeymapCatalog(locations: ShippedConfig.locations).keymap(named: "default")
        let text = KeybindingReference.markdown(registry: .standard, keymaps: [keymap])
        for action in ActionRegistry.standard.actions {
            XCTAssertTrue(text.contains("`\(action.id)`"), "\(action.id) missing")
        }
        XCTAssertTrue(text.contains("| `form.save` | Save the form | `F2` `Ctrl+S` |"), text)
    }
}
