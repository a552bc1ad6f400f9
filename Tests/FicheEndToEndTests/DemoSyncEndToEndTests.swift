import Foundation
import GRDB
import XCTest

/// Two `fiche demo` in two terminals, as two users of the CPAS: one server between them, an
/// absence saved by one reaches the server and the other's replica; when the serving one quits,
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

    /// The time records of the demo server's store that start on `day` (`2027-02-15`).
    private func recordsOnServer(startingOn day: String) throws -> Int {
        try count(in: folder.appendingPathComponent("demo-server.sqlite"),
                  "SELECT count(*) FROM time_records WHERE start_date LIKE ?", day + "%")
    }

    /// The time records a demo user's replica shows that start on `day`.
    private func records(in replica: URL, startingOn day: String) throws -> Int {
        try count(in: replica, "SELECT count(*) FROM time_record_view WHERE start LIKE ?", day + "%")
    }

    private func count(in file: URL, _ sql: String, _ argument: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: file.path, configuration: configuration)
        defer { try? database.close() }
        return try database.read { db in try Int.fetchOne(db, sql: sql, arguments: [argument]) ?? 0 }
    }

    private func serverPID() -> Int? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("demo-server.json").path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["pid"] as? Int
    }

    /// Waits until `condition` holds, up to `seconds`.
    private func eventually(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        repeat {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        } while ContinuousClock.now < deadline
        return false
    }

    /// In an open dossier, types an absence from `from` to `to` (ddmmyyyy) and saves it.
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
        // The time manager sees NISS and IBAN masked (the server withholds them) and still opens dossiers.
        try tmux.send("Enter")
        let identity = try tmux.waitForScreen { $0.contains("Fiche › Dossiers ›") && $0.contains("NISS") }
        XCTAssertTrue(identity.contains("**.**.**-***."), identity)
        try tmux.send("Escape")
        try tmux.waitForScreen { !$0.contains("NISS") }

        try startOther()
        let otherList = try other.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(otherList.contains("Fiche › Dossiers"), otherList)
        XCTAssertEqual(serverPID(), serving, "the second demo uses the first one's server instead of serving")

        // The CPAS's art. 60 user enters an absence on the first dossier of the CPAS.
        try other.send("Enter")
        try other.waitForScreen { $0.contains("Fiche › Dossiers ›") }
        let saved = try enterAbsence(in: other, from: "15022027", to: "16022027")
        XCTAssertTrue(saved.contains("du 15/02/2027 au 16/02/2027 enregistré"), saved)
        XCTAssertTrue(try eventually(seconds: 30) { try recordsOnServer(startingOn: "2027-02-15") == 1 },
                      "the absence reached the server")

        // The time manager of the CPAS has it in their replica after their next sync (every 30 s).
        let timeManager = try XCTUnwrap(FicheBinary.demoReplicas(in: folder).first { $0.path.contains("time") })
        XCTAssertTrue(try eventually(seconds: 60) { try records(in: timeManager, startingOn: "2027-02-15") == 1 },
                      "the absence reached the time manager's replica")

        // The serving demo quits: the other goes offline and keeps what it saves.
        try tmux.send("F10")
        XCTAssertEqual(waitForExitStatus(), "0\n")
        let kept = try enterAbsence(in: other, from: "17022027", to: "17022027")
        XCTAssertTrue(kept.contains("enregistré"), kept)
        let offline = try other.waitForScreen(seconds: 60) { $0.contains("hors ligne") }
        XCTAssertTrue(offline.contains("hors ligne"), "the badge says the server is gone:\n\(offline)")
        XCTAssertEqual(try recordsOnServer(startingOn: "2027-02-17"), 0)

        // Quitting with the entry unsent says it is kept and asks again; its next start serves
        // the same store itself and sends the entry that waited.
        try other.send("F10")
        let asked = try other.waitForScreen(seconds: 10) { $0.contains("pas encore envoyée") }
        XCTAssertTrue(asked.contains("reste sur cet ordinateur"), asked)
        try other.send("F10")
        XCTAssertTrue(eventually(seconds: 10) { FileManager.default.fileExists(atPath: otherExitStatus.path) })
        other.kill()
        try FileManager.default.removeItem(at: otherExitStatus)
        other = Tmux()
        try startOther()
        let back = try other.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        XCTAssertTrue(back.contains("Fiche › Dossiers"), back)
        XCTAssertNotEqual(serverPID(), serving, "the second demo now serves")
        XCTAssertEqual(try recordsOnServer(startingOn: "2027-02-17"), 1, "the entry that waited reached the server")
        XCTAssertEqual(try recordsOnServer(startingOn: "2027-02-15"), 1, "the store is the same: nothing was reseeded")
        try other.send("F10")
    }
}
