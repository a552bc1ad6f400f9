import FicheReplica
import Foundation
import XCTest

/// Drives the real `fiche demo` binary in tmux, as a clerk would use it.
final class DemoEndToEndTests: XCTestCase {
    private var tmux = Tmux()
    private var folder: URL!

    override func setUpWithError() throws {
        try XCTSkipIf(Tmux.executable == nil, "tmux is not installed: the end-to-end runs need it (apt-get install tmux)")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: FicheBinary.url.path), "no fiche binary at \(FicheBinary.url.path)")
        folder = try FicheBinary.temporaryFolder()
    }

    override func tearDown() {
        tmux.kill()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testTheDemoShowsTheListWithAccentsAndQRestoresTheTerminal() throws {
        let status = folder.appendingPathComponent("exit-status")
        let settings = folder.appendingPathComponent("stty")
        let command = "sh -c '\(FicheBinary.url.path) demo --data-dir \(folder.path); echo $? > \(status.path); stty -a > \(settings.path); sleep 5'"
        try tmux.start(command, width: 100, height: 30)
        let screen = try tmux.waitForScreen { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(screen.contains("Fiche › Dossiers"), screen)

        let database = try AppDatabase.open(at: folder.appendingPathComponent("demo.sqlite").path)
        let firstPage = try database.dossierPage(after: nil, limit: 26)
        let accented = try XCTUnwrap(firstPage.first { $0.displayName.unicodeScalars.contains { !$0.isASCII } })
        XCTAssertTrue(screen.contains(accented.displayName), "\(accented.displayName) not on screen:\n\(screen)")

        try tmux.send("q")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: settings.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.1)
        XCTAssertEqual(try String(contentsOf: status, encoding: .utf8), "0\n")
        let words = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: ";", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertTrue(words.contains("echo"), "echo is off after quitting: \(words)")
        XCTAssertTrue(words.contains("icanon"), "the terminal is still raw after quitting: \(words)")
        XCTAssertEqual(try tmux.format("#{cursor_flag}"), "1", "the cursor is hidden after quitting")
    }

    func testATooSmallTerminalShowsANoticeAndGrowingBringsTheListBack() throws {
        try tmux.start("\(FicheBinary.url.path) demo --data-dir \(folder.path)", width: 100, height: 30)
        try tmux.waitForScreen { $0.contains("Fiche › Dossiers") }
        try tmux.resize(width: 60, height: 20)
        let small = try tmux.waitForScreen { $0.contains("Terminal trop petit") }
        XCTAssertTrue(small.contains("Terminal trop petit : 60×20"), small)
        try tmux.resize(width: 100, height: 30)
        let back = try tmux.waitForScreen { $0.contains("Fiche › Dossiers") }
        XCTAssertTrue(back.contains("Fiche › Dossiers"), back)
        try tmux.send("F10")
        XCTAssertEqual(try waitForExit(), "0")
    }

    func testAnUnknownTerminalTypeIsAClearErrorNotACrash() throws {
        let command = "sh -c 'TERM=no-such-terminal \(FicheBinary.url.path) demo --data-dir \(folder.path); echo EXIT=$?; sleep 5'"
        try tmux.run(["new-session", "-d", "-s", "main", "-x", "100", "-y", "30", "env LANG=C.UTF-8 \(command)"])
        let screen = try tmux.waitForScreen { $0.contains("EXIT=") }
        XCTAssertTrue(screen.contains("unknown terminal type 'no-such-terminal'"), screen)
        XCTAssertTrue(screen.contains("EXIT=1"), screen)
    }

    private func waitForExit() throws -> String {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            // tmux marks the pane dead on end of output, and records the status a moment later.
            let status = try tmux.format("#{?pane_dead,#{pane_dead_status}#{pane_dead_signal},}")
            if !status.isEmpty { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return "still running"
    }
}
