import FicheDomain
import FicheReplica
import FicheSync
import Foundation
import XCTest

/// A grant that ends removes the employer's rows at the next sync, the local history and the
/// server's answers included; what the clerk saved there is not silently dropped: it is saved to
/// a file (mode 0600) first, with the server's refusal.
final class RemovedGrantTests: XCTestCase {
    func testRemovedGrantDeletesTheEmployersRowsAndReportsItsUnsentChanges() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.both": ["AC-T", "CPAS-T"]])
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.both", server: url, seed: 4, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let cpasDossier = try XCTUnwrap(client.replica.syncedRows(of: "dossier").first { ($0.value["employer_code"] ?? nil) == "CPAS-T" }?.key)
            let saved = try XCTUnwrap(client.replica.updateDossierField(cpasDossier, .lastName, to: "Martin", by: client.user))
            try await server.accounts.revoke(login: "clerk.both", employer: "CPAS-T", role: .payrollClerk)
            let summary = try await client.session.sync()
            XCTAssertEqual(summary.removedEmployers, ["CPAS-T"])
            XCTAssertEqual(try client.replica.heldEmployerCodes(), ["AC-T"])
            XCTAssertEqual(try client.replica.recordedResults().map(\.uuid), [], "no answer about the lost employer stays")
            XCTAssertEqual(try client.replica.pendingMutations(), [])
            let file = try XCTUnwrap(summary.savedUnsent.first)
            XCTAssertTrue(summary.line.contains(file), summary.line)
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600)
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(lines.count, 1)
            XCTAssertTrue(lines[0].contains(saved.uuid) && lines[0].contains("access.denied") && lines[0].contains("Martin"),
                          String(lines[0]))
        }
        await server.close()
    }
}

/// A role lost at an employer still held: the rows only that role showed leave the replica.
final class LostRoleTests: XCTestCase {
    func testAPayrollClerkWhoIsNowOnlyATimeManagerKeepsTheDossiersNotTheArt60Files() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        try await server.accounts.grant(login: "clerk.cpas", employer: "CPAS-T", role: .timeManager)
        _ = try await DossierRecordsSyncTests.addArt60File(server)
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 5, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            for table in ["art60_contract", "placement", "partner"] {
                XCTAssertFalse(try client.replica.syncedRows(of: table).isEmpty, "\(table) reaches a payroll clerk")
            }
            let dossiers = try client.replica.syncedRows(of: "dossier").count
            try await server.accounts.revoke(login: "clerk.cpas", employer: "CPAS-T", role: .payrollClerk)
            let summary = try await client.session.sync()
            XCTAssertEqual(summary.removedEmployers, [], "the employer stays: the time manager still works there")
            for table in ["art60_contract", "placement", "partner", "art60_event"] {
                XCTAssertEqual(try client.replica.syncedRows(of: table).count, 0, "\(table) left with the role")
            }
            XCTAssertEqual(try client.replica.syncedRows(of: "dossier").count, dossiers)
        }
        await server.close()
    }
}
