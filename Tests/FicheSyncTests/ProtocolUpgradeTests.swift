import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import FicheSyncProtocol
import Foundation
import XCTest

/// A client whose protocol the server no longer accepts (the server was upgraded first) gets
/// HTTP 426 and a message telling its user to update; its local work and outbox stay, and the
/// updated client pushes them.
final class ProtocolUpgradeTests: XCTestCase {
    func testAnOlderClientIsToldToUpdateAndLosesNothing() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        let initial = try await SyncSimulation.serverDossiers(server)
        try await server.serve { url in
            let older = HTTPSyncTransport(server: url, timeout: 10, protocolVersion: ProtocolVersion.supported.lowerBound - 1)
            do {
                _ = try await SyncSession.signIn(server: url.absoluteString, login: "clerk.cpas", password: SimulatedServer.password,
                                                 device: "old-pc", transport: older)
                XCTFail("an older protocol must not sign in")
            } catch SyncError.upgradeRequired(let message) {
                XCTAssertTrue(message.contains("install the new version of Fiche"), message)
                XCTAssertTrue(SyncError.upgradeRequired(message).description.hasPrefix("update Fiche to sync"))
            }

            var client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 5, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let dossier = try XCTUnwrap(client.replica.syncedRows(of: "dossier_view").keys.sorted().first)
            let entry = try XCTUnwrap(client.replica.updateDossierField(dossier, .lastName, to: "Martin", by: client.user))
            client.ledger.append(entry)
            let outdated = SyncSession(replica: client.replica, transport: older, credentials: .file(client.tokenPath),
                                       exportDirectory: client.folder, pause: { _ in })
            do {
                try await outdated.sync()
                XCTFail("an older protocol must not sync")
            } catch SyncError.upgradeRequired(let message) {
                XCTAssertTrue(message.contains("install the new version of Fiche"), message)
            }
            let status = try SyncSession.status(of: client.replica, online: true)
            XCTAssertTrue(status.lastError?.contains("update Fiche to sync") == true, String(describing: status.lastError))
            XCTAssertEqual(try client.replica.pendingMutations().map(\.uuid), [entry.uuid], "the outbox waits for the update")

            let newer = HTTPSyncTransport(server: url, timeout: 10, protocolVersion: ProtocolVersion.supported.upperBound + 1)
            do {
                _ = try await newer.pull(cursor: 0, limit: 1, resultsAfter: nil, accessToken: "fa_unused")
                XCTFail("a protocol newer than the server's must be refused")
            } catch SyncTransportError.status(426, let body) {
                XCTAssertEqual(body?.error, "protocol_too_old")
                XCTAssertTrue(body?.message.contains("the administrator must update fiche-server") == true)
            }

            let updated = try await client.session.sync()
            XCTAssertEqual(updated.applied, 1, updated.line)
            XCTAssertEqual(try client.replica.pendingMutations(), [])
            XCTAssertNil(try client.replica.syncState().lastError)
            let failures = try await SyncSimulation.checkInvariants(server: server, clients: [client], initial: initial)
            XCTAssertEqual(failures, [])
        }
        await server.close()
    }
}
