import Foundation
import XCTest

/// The real binary in tmux, resized the way a clerk drags a window: the list re-lays out at
/// each size, says "too small" below 80×24, and comes back whole.
final class ResizeEndToEndTests: TmuxTestCase {
    func testResizingFrom120x40To80x24To60x20AndBackReLaysOutTheList() throws {
        try start("demo --data-dir \(folder.path) --dossiers 200", width: 120, height: 40)
        let wide = try tmux.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10 Quitter") }
        XCTAssertEqual(lines(wide).count, 40, wide)
        XCTAssertTrue(lines(wide)[39].hasPrefix("F1 Aide"), "the key-hint bar is on the last line:\n\(wide)")

        try tmux.resize(width: 80, height: 24)
        // Wait for the whole re-laid-out screen: tmux may show it while it is being redrawn.
        let medium = try tmux.waitForScreen { screen in
            let lines = self.lines(screen)
            return lines.count == 24 && lines[23].hasPrefix("F1 Aide") && lines[0].contains("Fiche › Dossiers") && lines[2].contains("Nom ▲")
        }
        XCTAssertTrue(lines(medium)[0].contains("Fiche › Dossiers"), medium)
        XCTAssertTrue(lines(medium)[1].contains("Filtres"), "the filters in force above the list:\n\(medium)")
        XCTAssertTrue(lines(medium)[2].contains("Nom ▲"), "column titles with the sort indicator:\n\(medium)")
        XCTAssertLessThanOrEqual(lines(medium).map { $0.count }.max() ?? 0, 80)

        try tmux.resize(width: 60, height: 20)
        let small = try tmux.waitForScreen { $0.contains("Terminal trop petit") }
        XCTAssertTrue(small.contains("Terminal trop petit : 60×20"), small)
        XCTAssertFalse(small.contains("Fiche › Dossiers"), small)

        try tmux.resize(width: 120, height: 40)
        let back = try tmux.waitForScreen { screen in
            let lines = self.lines(screen)
            return lines.count == 40 && lines[39].hasPrefix("F1 Aide") && lines[0].contains("Fiche › Dossiers")
                && lines[3...37].allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        XCTAssertFalse(back.contains("Terminal trop petit"), back)
        XCTAssertEqual(lines(back)[3...37].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count, 35,
                       "every row of the taller list is filled again:\n\(back)")
        try tmux.send("F10")
        XCTAssertEqual(waitForExitStatus(), "0\n", "F10 quits after the resizes")
    }

    func testTheKeymapOptionChangesWhatKeysDo() throws {
        try start("demo --data-dir \(folder.path) --dossiers 200 --keymap vim --theme light", width: 100, height: 30)
        let first = try tmux.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") }
        let selected = lines(first)[2]
        try tmux.send("j")
        try tmux.send("k")
        try tmux.send("j")
        let moved = try tmux.waitForScreen { self.lines($0).count > 3 && self.lines($0)[2] == selected }
        XCTAssertEqual(lines(moved)[2], selected)
        try tmux.send("F1")
        let help = try tmux.waitForScreen { $0.contains("Aide — touches") }
        XCTAssertTrue(help.contains("j ↓"), "the help shows the vim keys:\n\(help)")
        try tmux.send("Escape")
        // Wait for the help to close: Esc then q at once would read as Alt+q.
        try tmux.waitForScreen { !$0.contains("Aide — touches") }
        try tmux.send("q")
        XCTAssertEqual(waitForExitStatus(), "0\n", "q quits the vim keymap's list")
    }

    private func lines(_ screen: String) -> [String] {
        var lines = screen.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
