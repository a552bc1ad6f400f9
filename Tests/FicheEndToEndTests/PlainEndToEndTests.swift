import FicheReplica
import Foundation
import XCTest

/// `fiche demo --plain` in tmux, read as a screen reader or a braille line reads it: the pane's
/// text, with no line-drawing character, and the line the terminal's cursor stands on.
final class PlainEndToEndTests: TmuxTestCase {
    private func assertNoLineDrawing(_ screen: String, file: StaticString = #filePath, line: UInt = #line) {
        let drawn = screen.unicodeScalars.filter { (0x2500...0x259F).contains($0.value) }.map { String(Character($0)) }
        XCTAssertEqual(drawn.joined(), "", "line drawing on screen:\n\(screen)", file: file, line: line)
    }

    /// Where tmux says the cursor is, the pane's line there and the text from the cursor on;
    /// waits up to 10 s for `condition`, since the pane and the cursor are read one after the other.
    private func cursor(until condition: (String, String) -> Bool = { _, _ in true }) throws -> (line: String, fromCursor: String, screen: String) {
        let deadline = ContinuousClock.now + .seconds(10)
        var last = ("", "", "")
        repeat {
            let place = try tmux.format("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
            let screen = try tmux.screen()
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if place.count == 2, lines.indices.contains(place[1]) {
                let line = lines[place[1]]
                let fromCursor = String(line.dropFirst(place[0]))
                last = (line, fromCursor, screen)
                if condition(line, fromCursor) { return last }
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while ContinuousClock.now < deadline
        return last
    }

    func testAScreenReaderUserFindsADossierReadsItAndEntersAnAbsence() throws {
        try start("demo --plain --as art60 --data-dir \(folder.path) --dossiers 40", width: 80, height: 24)
        let list = try tmux.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(list.contains("Fiche › Dossiers"), list)
        assertNoLineDrawing(list)
        XCTAssertEqual(try tmux.format("#{cursor_flag}"), "1", "the cursor is shown, for the screen reader to follow")
        var (line, fromCursor, screen) = try cursor { line, _ in line.hasPrefix(">") }
        XCTAssertTrue(line.hasPrefix(">"), "the cursor is on the selected dossier, which has the sign: \(line)\n\(screen)")

        // The dossier: one of the art. 60 officer's, with a name a keyboard types as is.
        let replica = try XCTUnwrap(FicheBinary.demoReplicas(in: folder).first, "the demo user's replica")
        let database = try AppDatabase.open(at: replica.path, clock: .tests)
        let dossier = try XCTUnwrap(try database.dossierPage(after: nil, limit: 26).first {
            $0.displayName.count <= 20 && $0.displayName.allSatisfy { $0.isASCII && ($0.isLetter || $0 == " " || $0 == ",") }
        }, "a dossier with a short, plain ASCII name (shown whole at 80 columns)")
        try tmux.send(dossier.displayName.replacingOccurrences(of: ",", with: "").lowercased())
        try tmux.waitForScreen { $0.contains(dossier.displayName) }
        for _ in 0..<10 {
            (line, fromCursor, screen) = try cursor { line, _ in line.hasPrefix(">") }
            if line.contains(dossier.displayName) { break }
            try tmux.send("Down")
        }
        XCTAssertTrue(line.hasPrefix(">") && line.contains(dossier.displayName),
                      "the search puts the sign and the cursor on \(dossier.displayName): \(line)\n\(screen)")
        assertNoLineDrawing(screen)

        // Enter reads it: its name and number, the cursor on the tab shown.
        try tmux.send("Enter")
        let opened = try tmux.waitForScreen { $0.contains("Fiche › Dossiers ›") && $0.contains("[Identité]") }
        XCTAssertTrue(opened.contains(dossier.displayName), opened)
        XCTAssertTrue(opened.contains(dossier.dossierNumber), opened)
        assertNoLineDrawing(opened)
        (line, fromCursor, screen) = try cursor { _, fromCursor in fromCursor.hasPrefix("[Identité]") }
        XCTAssertTrue(fromCursor.hasPrefix("[Identité]"), "the cursor is on the current tab: \(line)\n\(screen)")

        // The time records tab, then a new absence: the cursor goes from field to field.
        try tmux.send("Tab")
        try tmux.send("Tab")
        let records = try tmux.waitForScreen { $0.contains("[Prestations]") }
        assertNoLineDrawing(records)
        try tmux.send("F7")
        let form = try tmux.waitForScreen { $0.contains("Nouvelle absence") }
        assertNoLineDrawing(form)
        (line, fromCursor, screen) = try cursor { line, _ in line.contains("> Type") }
        XCTAssertTrue(line.contains("> Type"), "the cursor is on the first field, which has the sign: \(line)\n\(screen)")
        try tmux.send("Tab")
        (line, fromCursor, screen) = try cursor { line, _ in line.contains("> Du") }
        XCTAssertTrue(line.contains("> Du"), "Tab takes the cursor to the next field: \(line)\n\(screen)")
        try tmux.send("15022027")
        // Waits for the whole day typed and the cursor after it (the pane redraws as keys arrive).
        (line, fromCursor, screen) = try cursor { line, fromCursor in
            line.contains("2027") && (fromCursor.hasPrefix(" ") || fromCursor.isEmpty || fromCursor.hasPrefix("|"))
        }
        XCTAssertTrue(line.contains("> Du"), line)
        XCTAssertTrue(fromCursor.hasPrefix(" ") || fromCursor.isEmpty || fromCursor.hasPrefix("|"),
                      "the cursor stands after what was typed: \(line)")
        try tmux.send("Tab")
        try tmux.send("16022027")
        try tmux.send("F2")

        // The saved message: a line of its own, whole, headed by a word.
        let saved = try tmux.waitForScreen { $0.contains("enregistré") }
        let lines = saved.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let message = try XCTUnwrap(lines.first { $0.contains("enregistré") }, saved)
        XCTAssertTrue(message.hasPrefix("Fait : "), "the message says it was done in words: \(message)")
        XCTAssertTrue(message.contains("du 15/02/2027 au 16/02/2027 enregistré"), "read whole on one line: \(message)")
        XCTAssertEqual(lines.firstIndex(of: message), 22, "on the message line, above the key hints:\n\(saved)")
        assertNoLineDrawing(saved)
        (line, fromCursor, screen) = try cursor { _, fromCursor in fromCursor.hasPrefix(">") }
        XCTAssertTrue(fromCursor.hasPrefix(">"), "back on the records, the cursor is on the selected one: \(line)\n\(screen)")
        XCTAssertTrue(screen.contains("15/02"), "the new absence is listed:\n\(screen)")

        // Quitting asks once about the entry not yet sent, if it is still waiting.
        try tmux.send("F10")
        if waitForExitStatus() == nil { try tmux.send("F10") }
        XCTAssertEqual(waitForExitStatus(), "0\n")
    }
}
