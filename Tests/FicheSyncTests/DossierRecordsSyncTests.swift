import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import FicheSyncProtocol
import Foundation
import XCTest

/// A dossier's career and art. 60 file reach a replica by sync alone: the career tab and the
/// art. 60 tab of a replica synced from a server show what the server holds, a deletion on the
/// server disappears at the next pull, and a removed grant takes them away.
final class DossierRecordsSyncTests: XCTestCase {
    static let today = LocalDate(year: 2026, month: 3, day: 2) ?? LocalDate(dayNumber: 20_514)

    /// A career period, a partner, an art. 60 contract and its placement for the CPAS's art. 60 worker.
    static func addArt60File(_ server: SimulatedServer) async throws -> String {
        let dossier = try await server.store.read { tx in
            try await tx.first("SELECT id FROM dossiers WHERE number = 'S001'")?.string("id") ?? ""
        }
        let schedule = String(decoding: try JSONEncoder().encode(WorkSchedule.fullTime), as: UTF8.self)
        let records = DossierRecords(store: server.store, configuration: server.configuration)
        // The import gave the dossier a first period; this career replaces it.
        let imported = try await server.store.read { tx in
            try await tx.query("SELECT id FROM career_periods WHERE dossier_id = ?", [.text(dossier)]).compactMap { $0.string("id") }
        }
        for id in imported { try await records.delete(.careerPeriod, id: id) }
        try await records.upsert(.careerPeriod, ["id": "car-s001", "employer_code": "CPAS-T", "dossier_id": dossier,
                                                 "start_date": "2025-09-01", "grade": "E1", "scale": "E1.1", "regime": "1000",
                                                 "schedule": schedule, "category": "art60"])
        try await records.upsert(.partner, ["id": "prt-1", "employer_code": "CPAS-T", "name": "Les Petits Riens",
                                            "kind": "social_economy", "enterprise_number": "0406798816", "active": "1"])
        try await records.upsert(.art60Contract, ["id": "a60-s001", "employer_code": "CPAS-T", "dossier_id": dossier,
                                                  "start_date": "2025-09-01", "planned_end": "2027-02-28", "regime": "1000"])
        try await records.upsert(.placement, ["id": "plc-s001", "employer_code": "CPAS-T", "contract_id": "a60-s001",
                                              "partner_id": "prt-1", "start_date": "2025-09-08",
                                              "agreement_signed_on": "2025-09-01", "monthly_fee_cents": "25000",
                                              "tasks": "Tri des vêtements", "hours_per_week": "38",
                                              "supervisor_name": "Goossens"])
        return dossier
    }

    func testTheCareerAndArt60TabsOfASyncedReplicaShowWhatTheServerHolds() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        let dossier = try await Self.addArt60File(server)
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 5, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let card = try XCTUnwrap(try client.replica.openDossier(dossier, year: 2026))
            XCTAssertEqual(card.career.map(\.grade), ["E1"])
            XCTAssertEqual(card.career.first?.regime.thousandths, 1000)
            XCTAssertEqual(card.career.first?.schedule, .fullTime)
            let art60 = try XCTUnwrap(try client.replica.art60Card(dossierID: dossier, asOf: Self.today,
                                                                   rules: try RuleBook.bundled()))
            XCTAssertEqual(art60.contracts.map(\.id), ["a60-s001"])
            XCTAssertEqual(art60.contracts.first?.plannedEnd?.iso, "2027-02-28")
            XCTAssertEqual(art60.placements.map(\.partnerName), ["Les Petits Riens"])
            XCTAssertEqual(art60.placements.first?.placement.tasks, "Tri des vêtements")
            XCTAssertEqual(art60.placements.first?.placement.monthlyFeeCents, 25_000)
            XCTAssertEqual(art60.placements.first?.partnerKind, .socialEconomy)

            // Changed and deleted on the server: the next pull shows it.
            try await DossierRecords(store: server.store, configuration: server.configuration).upsert(.placement, [
                "id": "plc-s001", "employer_code": "CPAS-T", "contract_id": "a60-s001", "partner_id": "prt-1",
                "start_date": "2025-09-08", "monthly_fee_cents": "50000", "tasks": "Accueil", "hours_per_week": "19",
            ])
            try await DossierRecords(store: server.store, configuration: server.configuration).delete(.careerPeriod, id: "car-s001")
            try await client.session.sync()
            XCTAssertEqual(try client.replica.openDossier(dossier, year: 2026)?.career.count, 0)
            let changed = try client.replica.art60Card(dossierID: dossier, asOf: Self.today, rules: try RuleBook.bundled())
            XCTAssertEqual(changed?.placements.first?.placement.tasks, "Accueil")
            XCTAssertEqual(changed?.placements.first?.placement.hoursPerWeek, 19)
        }
        await server.close()
    }

    func testARemovedGrantTakesTheArt60FileAway() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.both": ["AC-T", "CPAS-T"]])
        let dossier = try await Self.addArt60File(server)
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.both", server: url, seed: 6, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            XCTAssertNotNil(try client.replica.art60Card(dossierID: dossier, asOf: Self.today, rules: try RuleBook.bundled()))
            try await server.accounts.revoke(login: "clerk.both", employer: "CPAS-T", role: .payrollClerk)
            try await client.session.sync()
            XCTAssertNil(try client.replica.art60Card(dossierID: dossier, asOf: Self.today, rules: try RuleBook.bundled()))
            XCTAssertEqual(try client.replica.heldEmployerCodes(), ["AC-T"])
            for table in ["career_period", "partner", "art60_contract", "placement"] {
                let left = try client.replica.syncedRows(of: table).values.map { ($0["employer_code"] ?? nil) ?? "" }
                XCTAssertEqual(left.filter { $0 != "AC-T" }, [], "\(table): nothing of the CPAS")
            }
            XCTAssertEqual(try client.replica.syncedRows(of: "career_period").count, 2, "the commune's two imported careers stay")
        }
        await server.close()
    }
}
