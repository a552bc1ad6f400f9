import FicheTerminal
import FicheTestSupport
import FicheWidgets
import XCTest

/// A list with a command palette and help overlay, driven headless through the keymap.
private final class PaletteScreen: DrivableScreen {
    var size = Size(width: 80, height: 24)
    let keymap: Keymap
    var palette: CommandPalette?
    var showsHelp = false
    var ran: [ActionID] = []
    var selected = 0

    init(keymap: Keymap) { self.keymap = keymap }

    private var entries: [HelpEntry] {
        HelpEntry.entries(registry: .standard, keymap: keymap, context: .list) { $0.summary }
    }

    func handle(_ event: InputEvent) {
        switch event {
        case .resize(let newSize): size = newSize
        case .mouse: break
        case .key(let key):
            if var open = palette {
                switch key {
                case .escape: palette = nil
                case .enter: palette = nil; if let action = open.selectedAction { perform(action: action) }
                case .down: open.moveSelection(1); palette = open
                case .up: open.moveSelection(-1); palette = open
                case .backspace: open.deleteBackward(); palette = open
                case .character(let c): open.type(String(c)); palette = open
                default: break
                }
                return
            }
            if let action = keymap.action(for: key, in: .list) { perform(action: action) }
        }
    }

    func perform(action: ActionID) {
        ran.append(action)
        switch action {
        case "app.palette": palette = CommandPalette(title: "Commandes", entries: entries)
        case "app.help": showsHelp.toggle()
        case "app.back": showsHelp = false; palette = nil
        case "list.down": selected += 1
        default: break
        }
    }

    func render() -> CellBuffer {
        var buffer = CellBuffer(size: size)
        let rows = (0..<30).map { TableRow(["Dossier \($0)", "AC-\(1000 + $0)"], status: $0 % 4 == 0 ? .pending : .none) }
        Table(columns: [TableColumn(title: "Nom", minimumWidth: 20, weight: 1), TableColumn(title: "N°", minimumWidth: 8)],
              rows: rows, selectedRow: selected).render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: size.height - 1))
        KeyHintBar(hints: KeyHintBar.hints(for: ["app.help", "app.palette", "app.quit"], in: .list, keymap: keymap) {
            ActionRegistry.standard.descriptor(for: $0)?.summary ?? $0.rawValue
        }).render(into: &buffer, rect: buffer.bounds.line(size.height - 1))
        if showsHelp { HelpOverlay(title: "Help", entries: entries).render(into: &buffer, area: buffer.bounds) }
        palette?.render(into: &buffer, area: buffer.bounds)
        return buffer
    }
}

final class PaletteDriverTests: XCTestCase {
    private func keymap(_ name: String) throws -> Keymap {
        try KeymapCatalog(locations: ConfigLocations.standard(environment: [:])).keymap(named: name)
    }

    func testThePaletteFindsAnActionByFuzzyWordsAndShowsItsKey() throws {
        let driver = ScreenDriver(PaletteScreen(keymap: try keymap("default")))
        driver.press("F9")
        driver.type("srch")
        XCTAssertEqual(driver.screen.palette?.selectedAction, "list.search")
        assertScreen(driver.buffer, named: "palette-80x24")
        driver.resize(width: 120, height: 40)
        assertScreen(driver.buffer, named: "palette-120x40")
        driver.press("Enter")
        XCTAssertNil(driver.screen.palette)
        XCTAssertEqual(driver.screen.ran, ["app.palette", "list.search"])
    }

    func testTheKeyHintBarFollowsTheKeymapInUse() throws {
        XCTAssertTrue(ScreenDriver(PaletteScreen(keymap: try keymap("default"))).screenText.contains("F1 Show every key"))
        let mc = ScreenDriver(PaletteScreen(keymap: try keymap("mc")))
        mc.press("?")
        XCTAssertFalse(mc.screen.showsHelp, "mc unbinds ?")
        mc.press("F1")
        XCTAssertTrue(mc.screenText.contains("Help"))
    }

    func testActionIdsAndKeysReachTheSameCommand() throws {
        let driver = ScreenDriver(PaletteScreen(keymap: try keymap("vim")))
        driver.press("j", "Down")
        driver.run("list.down")
        XCTAssertEqual(driver.screen.selected, 3)
        XCTAssertTrue(driver.screenText.split(separator: "\n")[4].contains("Dossier 3"))
    }

    func testFuzzyMatchingIgnoresAccentsAndPrefersWordStarts() {
        XCTAssertNotNil(FuzzyMatch.score("eloise", in: "Éloïse"))
        XCTAssertNil(FuzzyMatch.score("xyz", in: "Quit Fiche"))
        let ranked = FuzzyMatch.rank(["Select the previous row", "Quit Fiche", "Open the command palette"], query: "qf") { $0 }
        XCTAssertEqual(ranked.first, "Quit Fiche")
    }
}
