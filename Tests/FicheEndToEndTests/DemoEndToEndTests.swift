import FicheReplica
import Foundation
import XCTest

/// Drives the real `fiche demo` binary in tmux, as a clerk would use it.
final class DemoEndToEndTests: TmuxTestCase {
    func testTheDemoShowsTheListWithAccentsAndF10RestoresTheTerminal() throws {
        let settings = folder.appendingPathComponent("stty")
        try start("demo --data-dir \(folder.path)", width: 100, height: 30, then: "stty -a > \(settings.path)")
        // The first start seeds the demo server and copies the dossiers before the list opens.
        let screen = try tmux.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(screen.contains("Fiche › Dossiers"), screen)

        let replica = try XCTUnwrap(FicheBinary.demoReplicas(in: folder).first, "the demo user's replica")
        let database = try AppDatabase.open(at: replica.path, clock: .tests)
        let firstPage = try database.dossierPage(after: nil, limit: 26)
        let accented = try XCTUnwrap(firstPage.first { $0.displayName.unicodeScalars.contains { !$0.isASCII } })
        XCTAssertTrue(screen.contains(accented.displayName), "\(accented.displayName) not on screen:\n\(screen)")

        try tmux.send("F10")
        XCTAssertEqual(waitForExitStatus(), "0\n")
        let words = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: ";", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertTrue(words.contains("echo"), "echo is off after quitting: \(words)")
        XCTAssertTrue(words.contains("icanon"), "the terminal is still raw after quitting: \(words)")
        XCTAssertEqual(try tmux.format("#{cursor_flag}"), "1", "the cursor is hidden after quitting")
    }

    func testAnUnknownTerminalTypeIsAClearErrorNotACrash() throws {
        let command = "sh -c 'TERM=no-such-terminal \(FicheBinary.url.path) demo --data-dir \(folder.path); echo EXIT=$?; sleep 5'"
        try tmux.run(["new-session", "-d", "-s", "main", "-x", "100", "-y", "30", "env LANG=C.UTF-8 \(command)"])
        let screen = try tmux.waitForScreen(seconds: 120) { $0.contains("EXIT=") }
        // LANG=C names no language: French, as the interface would have spoken.
        XCTAssertTrue(screen.contains("type de terminal inconnu « no-such-terminal »"), screen)
        XCTAssertTrue(screen.contains("EXIT=1"), screen)
    }
}
