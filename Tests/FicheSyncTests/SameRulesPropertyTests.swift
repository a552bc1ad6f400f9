import FicheDomain
import FicheReplica
@testable import FicheSync
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// The client and the server check the same rules with the same inputs: whatever entry the
/// replica accepts, the server applies. Entries are drawn at random (a fixed seed, so a failure
/// replays) over dossiers imported with `fiche-server import dossiers` at 100, 80 and 50 % (no
/// schedule column: the server's default week for the regime, which the replica must use too),
/// every absence type, every part of the day, and clockings at any hour.
final class SameRulesPropertyTests: XCTestCase {
    func testTheServerRefusesNoEntryTheClientAccepted() async throws {
        let server = try await SimulatedServer.make(users: ["tm": SimulatedServer.employers])
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc-tm", login: "tm", server: url, seed: 7, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let rules = try RuleBook.bundled()
            let user = client.user
            // By number, not by id (ids are drawn at import): the same seed draws the same entries.
            let numbers = try client.replica.syncedRows(of: "dossier").keys.map { id in
                (id, try XCTUnwrap(client.replica.openDossier(id, year: 2026)?.dossier.number))
            }
            let dossiers = numbers.sorted { $0.1 < $1.1 }.map(\.0)
            XCTAssertEqual(dossiers.count, 4)
            let types = rules.absenceCatalogue.types.map(\.code)
            var random = SeededGenerator(seed: 20_261_206)
            // From August to January: closed months aside, weeks around today, the future.
            let first = try LocalDate.parse("2026-08-03")
            var accepted = 0
            var refused: [String: Int] = [:]
            for _ in 0..<240 {
                guard let dossierID = dossiers.randomElement(using: &random) else { break }
                let employer = try XCTUnwrap(client.replica.openDossier(dossierID, year: 2026)?.dossier.employerCode)
                let day = first.adding(days: Int.random(in: 0..<180, using: &random))
                do {
                    if Bool.random(using: &random) {
                        let length = Int.random(in: 0..<6, using: &random)
                        let part: DayPart = length == 0 ? [.full, .morning, .afternoon].randomElement(using: &random) ?? .full : .full
                        let record = TimeRecord.absence(
                            id: UUID().uuidString.lowercased(), employerCode: employer, dossierID: dossierID,
                            type: types.randomElement(using: &random) ?? "annual_leave", from: day, to: day.adding(days: length),
                            part: part, certificateReceived: Bool.random(using: &random), enteredBy: user.id)
                        try client.replica.recordAbsence(record, by: user, rules: rules)
                    } else {
                        let start = Int.random(in: 5 * 60...14 * 60, using: &random)
                        let end = start + Int.random(in: 15...11 * 60, using: &random)
                        try client.replica.recordClocking(dossierID: dossierID, on: day, inMinute: start,
                                                          outMinute: min(end, 24 * 60), by: user, rules: rules)
                    }
                    accepted += 1
                } catch let violation as RuleViolation {
                    refused[violation.code, default: 0] += 1
                }
            }
            XCTAssertGreaterThan(accepted, 60, "enough entries pass the client's rules to mean something: \(refused)")
            XCTAssertFalse(refused.isEmpty, "and the draw reaches the rules")
            try await client.session.sync()
            let results = try client.replica.recordedResults()
            XCTAssertEqual(results.count, accepted)
            let notApplied = results.filter { $0.status != "applied" }.map { "\($0.mutation) \($0.targetID): \($0.reason ?? $0.status)" }
            XCTAssertEqual(notApplied, [], "the server refused what the client accepted")
            let stored = try await server.store.read { tx in
                try await tx.first("SELECT COUNT(*) AS n FROM time_records WHERE entered_by = ?", [.text(user.id)])?.int("n")
            }
            XCTAssertEqual(stored, Int64(accepted), "each accepted entry is on the server once")
        }
        await server.close()
    }
}
