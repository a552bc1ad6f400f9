import FicheApp
import FicheDomain
import FicheReplica
import FicheSync
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

extension App: DrivableScreen {}

/// Two clerks of the same commune, one offline for a while, against the real server over HTTP:
/// after reconnecting, both replicas and the server agree, nothing is lost or doubled, and the
/// IBAN both changed reaches the second clerk's conflicts screen, where it is settled.
final class TwoClerksConflictTests: XCTestCase {
    private static func absence(_ client: SimulatedClient, dossier: String, on day: String) throws -> TimeRecord {
        let date = try LocalDate.parse(day)
        return .absence(id: UUID().uuidString.lowercased(), employerCode: "AC-T", dossierID: dossier, type: "annual_leave",
                        from: date, to: date, enteredBy: client.user.id)
    }

    /// The clerk's terminal on their replica, 80 columns by 24 lines.
    private static func terminal(_ client: SimulatedClient, width: Int = 80, height: Int = 24) throws -> ScreenDriver<App> {
        ScreenDriver(try App(database: client.replica, strings: Strings(language: .french), userName: client.login,
                             size: Size(width: width, height: height), userID: client.user.id))
    }

    func testAnOfflineClerksAbsenceAndConflictingIbanReachTheServerOnceAndTheConflictIsSettledOnScreen() async throws {
        let server = try await SimulatedServer.make(users: ["clerk-a": ["AC-T"], "clerk-b": ["AC-T"], "sup": ["AC-T"]])
        try await server.accounts.grant(login: "sup", employer: "AC-T", role: .supervisor)
        let rules = try RuleBook.bundled()
        try await server.serve { url in
            let clerkA = try await SimulatedClient.make(name: "pc-a", login: "clerk-a", server: url, seed: 11, faultRate: 0)
            let clerkB = try await SimulatedClient.make(name: "pc-b", login: "clerk-b", server: url, seed: 12, faultRate: 0)
            let sup = try await SimulatedClient.make(name: "pc-sup", login: "sup", server: url, seed: 13, faultRate: 0)
            defer {
                clerkA.remove()
                clerkB.remove()
                sup.remove()
            }
            try await clerkA.session.sync()
            try await clerkB.session.sync()
            try await sup.session.sync()
            let dossiers = try clerkA.replica.syncedRows(of: "dossier_view")
            let dossier = try XCTUnwrap(dossiers.first { ($0.value["number"] ?? nil) == "A001" }?.key)
            let started = "BE32123456789002"
            XCTAssertEqual(try clerkB.replica.syncedRows(of: "person")[dossier]?["iban"] ?? nil, started)

            // B is offline: an absence and an IBAN change stay in B's outbox.
            let leaveB = try clerkB.replica.recordAbsence(try Self.absence(clerkB, dossier: dossier, on: "2026-03-03"),
                                                          by: clerkB.user, rules: rules)
            let ibanB = try XCTUnwrap(clerkB.replica.updateDossierField(dossier, .iban, to: "BE68 5390 0754 7034", by: clerkB.user))
            // A, online, enters another absence and changes the same IBAN from the same old value.
            let leaveA = try clerkA.replica.recordAbsence(try Self.absence(clerkA, dossier: dossier, on: "2026-03-02"),
                                                          by: clerkA.user, rules: rules)
            let ibanA = try XCTUnwrap(clerkA.replica.updateDossierField(dossier, .iban, to: "BE71 0961 2345 6769", by: clerkA.user))
            XCTAssertEqual(ibanA.changes["iban"]?.old, started)
            XCTAssertEqual(ibanB.changes["iban"]?.old, started)
            try await clerkA.session.sync()
            XCTAssertEqual(try clerkA.replica.recordedResults().map(\.status), ["applied", "applied"])

            // B comes back: the absence goes through, the IBAN is a conflict.
            try await clerkB.session.sync()
            try await clerkA.session.sync()
            XCTAssertEqual(try clerkB.replica.recordedResults().map(\.uuid), [leaveB.uuid, ibanB.uuid])
            XCTAssertEqual(try clerkB.replica.recordedResults().map(\.status), ["applied", "conflict"])
            try await Self.assertAgree(server, [clerkA, clerkB], records: [leaveA.targetID, leaveB.targetID])
            let standing = try await Self.serverIBAN(server, dossier)
            XCTAssertEqual(standing, "BE71096123456769", "A's change stands until B decides")

            // B's conflicts screen: base, yours and theirs side by side.
            let screen = try Self.terminal(clerkB)
            screen.press("Alt+c")
            var text = screen.screenText
            XCTAssertTrue(text.contains("⚠ Dossier A001 Dubois, Marie (AC-T)"), text)
            XCTAssertTrue(text.contains("Au départ      : BE32 1234 5678 9002"), text)
            XCTAssertTrue(text.contains("Votre saisie   : BE68 5390 0754 7034"), text)
            XCTAssertTrue(text.contains("Sur le serveur : BE71 0961 2345 6769"), text)
            XCTAssertTrue(text.contains("F6 Garder la mienne"), "the hint bar offers the settlement:\n\(text)")
            screen.press("F6")
            text = screen.screenText
            XCTAssertTrue(text.contains("Votre valeur est renvoyée au serveur pour A001."), text)
            XCTAssertTrue(text.contains("Rien à voir"), text)
            let resolution = try XCTUnwrap(clerkB.replica.pendingMutations().last)
            XCTAssertEqual(resolution.changes["iban"], FieldChange(old: "BE71096123456769", new: "BE68539007547034"))
            XCTAssertEqual(try clerkB.replica.auditTrail(entity: "person", targetID: ibanB.targetID).map(\.action).suffix(2),
                           ["updateDossierField", "keepMine"])

            try await clerkB.session.sync()
            let kept = try await Self.serverIBAN(server, dossier)
            XCTAssertEqual(kept, "BE68539007547034", "B's value is on the server now")
            try await clerkA.session.sync()
            XCTAssertEqual(try clerkA.replica.syncedRows(of: "person")[dossier]?["pending_iban"] ?? nil, "BE68539007547034")
            try await Self.assertAgree(server, [clerkA, clerkB], records: [leaveA.targetID, leaveB.targetID])

            // A refused entry: B, offline again, enters a January absence; the month closes meanwhile.
            let january = try clerkB.replica.recordAbsence(try Self.absence(clerkB, dossier: dossier, on: "2026-01-12"),
                                                           by: clerkB.user, rules: rules)
            try sup.replica.closePayrollMonth(employerCode: "AC-T", month: try YearMonth.parse("2026-01"), by: sup.user)
            try await sup.session.sync()
            try await clerkB.session.sync()
            XCTAssertEqual(try clerkB.replica.recordedResults().first { $0.uuid == january.uuid }?.status, "rejected")

            screen.press("Alt+c")
            text = screen.screenText
            XCTAssertTrue(text.contains("Motif : le mois de paie est clôturé"), text)
            XCTAssertTrue(text.contains("⚠ 1 à voir"), "the badge counts the refusal:\n\(text)")
            screen.press("Enter")
            let form = try XCTUnwrap(screen.screen.top as? AbsenceFormScreen, "Enter re-opens the absence form")
            XCTAssertEqual(form.form.fields.map(\.text).prefix(3), ["Congé annuel", "12/01/2026", "12/01/2026"],
                           "filled in with what was typed")
            // The clerk moves it to February: the form's "from" field has the focus.
            for _ in 0..<10 { screen.press("Backspace") }
            screen.type("02022026")
            screen.press("Down")
            for _ in 0..<10 { screen.press("Backspace") }
            screen.type("02022026")
            screen.press("F2")
            text = screen.screenText
            XCTAssertTrue(screen.screen.top is ConflictsScreen, text)
            XCTAssertTrue(text.contains("Rien à voir"), "the refusal left the list once corrected:\n\(text)")
            XCTAssertEqual(try clerkB.replica.syncCounts().conflicts, 0)
            let correction = try XCTUnwrap(clerkB.replica.pendingMutations().last)
            XCTAssertEqual(correction.changes["start"]?.new, "2026-02-02")
            XCTAssertEqual(try clerkB.replica.auditTrail(entity: "time_record", targetID: january.targetID).last?.action,
                           "reenterRefused")

            try await clerkB.session.sync()
            try await clerkA.session.sync()
            XCTAssertEqual(try clerkB.replica.recordedResults().first { $0.uuid == correction.uuid }?.status, "applied")
            try await Self.assertAgree(server, [clerkA, clerkB], records: [leaveA.targetID, leaveB.targetID, correction.targetID])
        }
        await server.close()
    }

    /// The IBAN asked for on the server (it waits for a second person's confirmation), else the one in force.
    private static func serverIBAN(_ server: SimulatedServer, _ dossier: String) async throws -> String? {
        let row = try await SyncSimulation.serverDossiers(server)[dossier]
        return (row?["pending_iban"] ?? nil) ?? (row?["iban"] ?? nil)
    }

    /// The server holds each of `records` once (and no other), every mutation once, and each
    /// replica holds what the server holds: the same records, the same IBANs, nothing left to send.
    private static func assertAgree(_ server: SimulatedServer, _ clients: [SimulatedClient], records: [String],
                             file: StaticString = #filePath, line: UInt = #line) async throws {
        let held = try await server.store.read { tx in
            try await tx.query("SELECT id FROM time_records WHERE deleted_at IS NULL ORDER BY id", []).compactMap { $0.string("id") }
        }
        XCTAssertEqual(held, records.sorted(), "each absence is on the server once", file: file, line: line)
        let doubled = try await server.store.read { tx in
            try await tx.query("SELECT uuid FROM mutations GROUP BY uuid HAVING count(*) > 1", [])
        }
        XCTAssertEqual(doubled.count, 0, "no mutation applied twice", file: file, line: line)
        let dossiers = try await SyncSimulation.serverDossiers(server)
        for client in clients {
            XCTAssertEqual(try client.replica.pendingMutations().map(\.mutation), [], client.name, file: file, line: line)
            XCTAssertEqual(Set(try client.replica.syncedRows(of: "time_record").keys), Set(records), client.name, file: file, line: line)
            let persons = try client.replica.syncedRows(of: "person")
            for (id, row) in dossiers where (row["employer_code"] ?? nil) == "AC-T" {
                XCTAssertEqual(persons[id]?["iban"] ?? nil, row["iban"] ?? nil, "\(client.name) \(id)", file: file, line: line)
            }
        }
    }
}
