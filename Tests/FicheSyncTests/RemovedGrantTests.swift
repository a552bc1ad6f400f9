import FicheReplica
import FicheSync
import Foundation
import XCTest

/// A grant that ends removes the employer's rows at the next sync; what the clerk saved there
/// is not silently dropped: it comes back refused and stays on the "needs attention" list.
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
            let results = try client.replica.recordedResults()
            XCTAssertEqual(results.map(\.uuid), [saved.uuid])
            XCTAssertEqual(results.first?.status, "rejected")
            XCTAssertEqual(results.first?.reason, "access.denied")
            XCTAssertEqual(try client.replica.pendingMutations(), [])
            let status = try await client.session.status()
            XCTAssertEqual(status.rejected, 1)
            XCTAssertFalse(status.line.contains("synced"))
        }
        await server.close()
    }
}
