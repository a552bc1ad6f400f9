import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import Foundation
import XCTest

/// Several processes on one replica — the open interface, `fiche sync --once` from cron, a
/// script's `fiche import` — wait for each other: none fails on a lock, nothing is sent twice
/// or lost. Each "process" here opens the replica file on its own (its own SQLite connections
/// and its own `flock` on the sync lock file), as a second process does.
final class SharedReplicaTests: XCTestCase {
    func testTwoSyncsAndAWriterOnOneReplicaWaitForEachOtherAndLoseNothing() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 1, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let dossiers = try client.replica.syncedRows(of: "dossier_view").keys.sorted()
            XCTAssertEqual(dossiers.count, 2)
            let cron = try AppDatabase.open(at: client.replicaPath, clock: .tests)
            let cronSession = SimulatedClient.session(cron, client.transport, client.folder, 2)
            let script = try AppDatabase.open(at: client.replicaPath, clock: .tests)
            let user = client.user
            var saved: [String] = []
            for round in 0..<8 {
                // The interface and the script save while both syncs run.
                let interface = client.replica
                async let fromInterface = Task.detached {
                    try interface.updateDossierField(dossiers[0], .lastName, to: "Martin-\(round)", by: user)?.uuid
                }.value
                async let fromScript = Task.detached {
                    try script.updateDossierField(dossiers[1], .firstName, to: "Bram-\(round)", by: user)?.uuid
                }.value
                async let first = client.session.sync()
                async let second = cronSession.sync()
                let written = try await [fromInterface, fromScript].compactMap { $0 }
                _ = try await (first, second)
                XCTAssertEqual(written.count, 2, "round \(round): both saves were written")
                saved += written
            }
            try await cronSession.sync()
            XCTAssertEqual(try client.replica.pendingMutations(), [], "every save reached the server")
            let answered = try await server.store.read { tx in
                try await tx.query("SELECT uuid FROM mutations", []).map { $0.string("uuid") ?? "" }
            }
            XCTAssertEqual(answered.sorted(), saved.sorted(), "each save applied exactly once")
            let persons = try script.syncedRows(of: "person")
            XCTAssertTrue(persons.values.contains { ($0["last_name"] ?? nil) == "Martin-7" }, "the last names arrived")
            XCTAssertTrue(persons.values.contains { ($0["first_name"] ?? nil) == "Bram-7" })
            XCTAssertNil(try client.replica.syncState().lastError, "no sync failed on a lock")
        }
        await server.close()
    }

    /// `fiche demo` of the same role in a second terminal signs in again on the same device:
    /// the first terminal's session held the tokens that sign-in replaced. It reads the ones
    /// on file instead of staying "offline" for good, and its entry still goes.
    func testASecondTerminalSigningInAgainLeavesTheFirstOneOnline() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 3, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let known = try DeviceCredentials.load(from: client.tokenPath)
            let again = try await SyncSession.signIn(server: url.absoluteString, login: "clerk.cpas",
                                                     password: SimulatedServer.password, device: "fiche demo",
                                                     knownDevice: known.deviceID, transport: HTTPSyncTransport(server: url))
            XCTAssertEqual(again.deviceID, known.deviceID, "the same device")
            try again.save(to: client.tokenPath)
            // The second terminal syncs with the new tokens; the first still held the old ones.
            let second = SimulatedClient.session(try AppDatabase.open(at: client.replicaPath, clock: .tests), client.transport,
                                                 client.folder, 2)
            try await second.sync()
            let dossier = try XCTUnwrap(client.replica.syncedRows(of: "dossier_view").keys.sorted().first)
            let saved = try XCTUnwrap(try client.replica.updateDossierField(dossier, .lastName, to: "Peeters", by: client.user))
            try await client.session.sync()
            XCTAssertEqual(try client.replica.pendingMutations(), [], "the first terminal's entry reached the server")
            XCTAssertNil(try client.replica.syncState().lastError)
            let answered = try await server.store.read { tx in
                try await tx.query("SELECT uuid FROM mutations", []).map { $0.string("uuid") ?? "" }
            }
            XCTAssertEqual(answered, [saved.uuid])
        }
        await server.close()
    }
}
