import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import Foundation
import XCTest

/// A revoked device and a compacted change log: the two cases where the replica must start
/// over, without losing what the clerk saved.
final class RecoveryTests: XCTestCase {
    func testRevokedDeviceExportsUnsentChangesThenErasesTheReplica() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        try await server.serve { url in
            var client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 1, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let dossiers = try client.replica.syncedRows(of: "dossier_view").keys.sorted()
            XCTAssertEqual(dossiers.count, 2)
            let first = try XCTUnwrap(client.replica.updateDossierField(dossiers[0], .lastName, to: "Martin", by: client.user))
            let second = try XCTUnwrap(client.replica.updateDossierField(dossiers[1], .iban, to: "BE68539007547034", by: client.user))
            try await server.accounts.revokeDevice(id: client.deviceID)
            do {
                try await client.session.sync()
                XCTFail("a revoked device must not sync")
            } catch SyncError.deviceRevoked(let path, let count) {
                XCTAssertEqual(count, 2)
                let file = try XCTUnwrap(path)
                let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
                XCTAssertEqual(mode, 0o600)
                let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
                XCTAssertEqual(lines.count, 2)
                XCTAssertTrue(lines[0].contains(first.uuid) && lines[1].contains(second.uuid), "export in outbox order")
            }
            XCTAssertEqual(try client.replica.heldEmployerCodes(), [])
            XCTAssertEqual(try client.replica.pendingMutations(), [])
            client.ledger = []
        }
        await server.close()
    }

    func testCompactedLogGives410ThenANewSnapshotKeepsTheOutbox() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"], "clerk2.cpas": ["CPAS-T"]])
        try await server.serve { url in
            let late = try await SimulatedClient.make(name: "late", login: "clerk.cpas", server: url, seed: 2, faultRate: 0)
            let busy = try await SimulatedClient.make(name: "busy", login: "clerk2.cpas", server: url, seed: 3, faultRate: 0)
            defer { late.remove(); busy.remove() }
            for client in [late, busy] {
                try await client.session.sync()
            }
            let dossiers = try busy.replica.syncedRows(of: "dossier_view").keys.sorted()
            try busy.replica.updateDossierField(dossiers[0], .iban, to: "BE68539007547034", by: busy.user)
            try busy.replica.updateDossierField(dossiers[1], .lastName, to: "Peeters", by: busy.user)
            try await busy.session.sync()
            // The late device saves a change offline, then the server compacts past its cursor.
            let mine = try XCTUnwrap(late.replica.updateDossierField(dossiers[0], .firstName, to: "Yasmina", by: late.user))
            let head = try await server.store.read { tx in try await tx.first("SELECT seq FROM sync_clock WHERE id = 1")?.int("seq") ?? 0 }
            try await Maintenance(store: server.store).compact(before: head + 1)
            let summary = try await late.session.sync()
            XCTAssertGreaterThan(summary.snapshotRows, 0, "a cursor below the horizon takes a new snapshot")
            let persons = try late.replica.syncedRows(of: "person")
            XCTAssertEqual(persons[dossiers[0]]?["pending_iban"] ?? nil, "BE68539007547034", "the new snapshot holds the IBAN asked for")
            XCTAssertEqual(persons[dossiers[1]]?["last_name"] ?? nil, "Peeters")
            XCTAssertEqual(persons[dossiers[0]]?["first_name"] ?? nil, "Yasmina")
            XCTAssertEqual(try late.replica.recordedResults().map(\.uuid), [mine.uuid])
            XCTAssertEqual(try late.replica.pendingMutations(), [])
            XCTAssertTrue(try late.replica.syncState().initialSyncDone)
        }
        await server.close()
    }
}
