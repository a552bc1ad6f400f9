import FicheDomain
import FicheReplica
import FicheSync
import Foundation
import XCTest

/// A supervisor may change an IBAN without the right to read it. Their replica holds it masked
/// and sends that masked text as the old value; the server compares the old value as the
/// supervisor sees it, so the change goes through (it used to be a conflict whatever was sent,
/// unless the supervisor guessed the full IBAN, which told them the value). The new account is
/// paid to only once a second person, who may read it, confirms it.
final class MaskedIBANChangeTests: XCTestCase {
    func testASupervisorChangesAnIBANTheySeeMasked() async throws {
        let server = try await SimulatedServer.make(users: ["clerk-a": ["AC-T"], "sup": []])
        try await server.accounts.grant(login: "sup", employer: "AC-T", role: .supervisor)
        try await server.serve { url in
            let clerk = try await SimulatedClient.make(name: "pc-a", login: "clerk-a", server: url, seed: 21, faultRate: 0)
            let sup = try await SimulatedClient.make(name: "pc-sup", login: "sup", server: url, seed: 22, faultRate: 0)
            defer {
                clerk.remove()
                sup.remove()
            }
            try await clerk.session.sync()
            try await sup.session.sync()
            let dossiers = try sup.replica.syncedRows(of: "dossier_view")
            let dossier = try XCTUnwrap(dossiers.first { ($0.value["number"] ?? nil) == "A001" }?.key)
            XCTAssertEqual(try sup.replica.syncedRows(of: "person")[dossier]?["iban"] ?? nil, "BE** **** **** 9002")

            let change = try XCTUnwrap(sup.replica.updateDossierField(dossier, .iban, to: "BE68 5390 0754 7034", by: sup.user))
            XCTAssertEqual(change.changes["iban"]?.old, "BE** **** **** 9002")
            try await sup.session.sync()
            XCTAssertEqual(try sup.replica.recordedResults().map(\.status), ["applied"])
            // Not in force yet: a second person with the right to read it confirms it first.
            var stored = try await SyncSimulation.serverDossiers(server)[dossier]
            XCTAssertEqual(stored?["iban"] ?? nil, "BE32123456789002")
            XCTAssertEqual(stored?["pending_iban"] ?? nil, "BE68539007547034")
            XCTAssertEqual(try sup.replica.syncedRows(of: "person")[dossier]?["pending_iban"] ?? nil, "BE** **** **** 7034",
                           "the supervisor still sees it masked")
            try await clerk.session.sync()
            let waiting = try XCTUnwrap(clerk.replica.openDossier(dossier, year: 2026)?.ibanChange)
            XCTAssertEqual(waiting.iban, "BE68539007547034", "the clerk reads the new account in full")
            XCTAssertEqual(waiting.requestedBy, sup.user.id)
            try clerk.replica.reviewIBANChange(dossierID: dossier, decision: .approve, by: clerk.user)
            try await clerk.session.sync()
            XCTAssertEqual(try clerk.replica.recordedResults().last?.status, "applied")
            stored = try await SyncSimulation.serverDossiers(server)[dossier]
            XCTAssertEqual(stored?["iban"] ?? nil, "BE68539007547034")
            XCTAssertEqual(stored?["pending_iban"] ?? nil, nil)
            XCTAssertEqual(try clerk.replica.syncedRows(of: "person")[dossier]?["iban"] ?? nil, "BE68539007547034")
            try await sup.session.sync()
            XCTAssertEqual(try sup.replica.syncedRows(of: "person")[dossier]?["iban"] ?? nil, "BE** **** **** 7034")
            XCTAssertNil(try sup.replica.openDossier(dossier, year: 2026)?.ibanChange)
        }
        await server.close()
    }
}
