import FicheReplica
import Foundation
import GRDB
import XCTest

/// Two `fiche demo` in two terminals, as two users of the CPAS: one server between them, an
/// absence saved by one reaches the server and the other's screen; when the serving one quits,
/// the other goes offline, keeps its entry, and serves itself on its next start.
final class DemoSyncEndToEndTests: TmuxTestCase {
    private var other = Tmux()

    override func tearDown() {
        other.kill()
        super.tearDown()
    }

    private var otherExitStatus: URL { folder.appendingPathComponent("exit-status-other") }

    private func startOther() throws {
        let command = "\(FicheBinary.url.path) demo --as art60 --data-dir \(folder.path) --dossiers 40"
        try other.start("sh -c '\(command); echo $? > \(otherExitStatus.path); sleep 5'", width: 100, height: 30)
    }

    /// The time records of the demo server's store that start on `day` (`2026-11-16`).
    private func recordsOnServer(startingOn day: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let store = try DatabaseQueue(path: folder.appendingPathComponent("demo-server.sqlite").path, configuration: configuration)
        defer { try? store.close() }
        return try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM time_records WHERE start_date LIKE ?", arguments: [day + "%"]) ?? 0
        }
    }

    private func serverPID() -> Int? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("demo-server.json").path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["pid"] as? Int
    }

    /// Waits until `condition` holds, up to `seconds`.
    private func eventually(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        return false
    }

    /// Opens the dossier on the list's first line, then types an absence from `from` to `to` (ddmmyyyy).
    private func enterAbsence(in terminal: Tmux, from: String, to: String) throws -> String {
        try terminal.send("F7")
        try terminal.waitForScreen { $0.contains("Du") || $0.contains("Absence") }
        try terminal.send("Tab")
        try terminal.send(from)
        try terminal.send("Tab")
        try terminal.send(to)
        try terminal.send("F2")
        return try terminal.waitForScreen { $0.contains("enregistré") }
    }

    func testTwoDemoUsersShareOneServerAndAnEntryOfOneReachesTheOther() throws {
        try start("demo --as time-manager --data-dir \(folder.path) --dossiers 40", width: 100, height: 30)
        let list = try tmux.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(list.contains("Fiche › Dossiers"), list)
        let serving = try XCTUnwrap(serverPID(), "the first demo serves and records its address")

        try startOther()
        let otherList = try other.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(otherList.contains("Fiche › Dossiers"), otherList)
        XCTAssertEqual(serverPID(), serving, "the second demo uses the first one's server instead of serving")

        // The time manager enters an absence on the first dossier of the CPAS.
        try tmux.send("Enter")
        try tmux.waitForScreen { $0.contains("Fiche › Dossiers ›") }
        let saved = try enterAbsence(in: tmux, from: "16112026", to: "17112026")
        XCTAssertTrue(saved.contains("du 16/11/2026 au 17/11/2026 enregistré"), saved)
        XCTAssertTrue(try eventually(seconds: 30) { try recordsOnServer(startingOn: "2026-11-16") == 1 },
                      "the absence reached the server")

        // The other user of the CPAS opens the same dossier's time records: the absence arrives with the next sync.
        try other.send("Enter")
        try other.waitForScreen { $0.contains("Fiche › Dossiers ›") }
        try other.send("Tab")
        try other.send("Tab")
        let arrived = try other.waitForScreen(seconds: 60) { $0.contains("16/11–17/11") }
        XCTAssertTrue(arrived.contains("16/11–17/11"), "the absence is on the other user's screen:\n\(arrived)")

        // The serving demo quits: the other goes offline and keeps what it saves.
        try tmux.send("F10")
        XCTAssertEqual(waitForExitStatus(), "0\n")
        try other.send("Escape")
        try other.waitForScreen { !$0.contains("16/11–17/11") }
        let kept = try enterAbsence(in: other, from: "18112026", to: "18112026")
        XCTAssertTrue(kept.contains("enregistré"), kept)
        let offline = try other.waitForScreen(seconds: 60) { $0.contains("hors ligne") }
        XCTAssertTrue(offline.contains("hors ligne"), "the badge says the server is gone:\n\(offline)")
        XCTAssertEqual(try recordsOnServer(startingOn: "2026-11-18"), 0)

        // Its next start serves the same store itself and sends the entry that waited.
        try other.send("F10")
        XCTAssertTrue(eventually(seconds: 10) { FileManager.default.fileExists(atPath: otherExitStatus.path) })
        other.kill()
        try FileManager.default.removeItem(at: otherExitStatus)
        other = Tmux()
        try startOther()
        let back = try other.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(back.contains("Fiche › Dossiers"), back)
        XCTAssertNotEqual(serverPID(), serving, "the second demo now serves")
        XCTAssertEqual(try recordsOnServer(startingOn: "2026-11-18"), 1, "the entry that waited reached the server")
        XCTAssertEqual(try recordsOnServer(startingOn: "2026-11-16"), 1, "the store is the same: nothing was reseeded")
        try other.send("F10")
    }
}
