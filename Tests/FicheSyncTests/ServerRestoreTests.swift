import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import Foundation
import XCTest

/// A server database restored from a backup older than what the replicas hold: each replica
/// notices it at its next sync, keeps its outbox, copies the server again and pushes what the
/// restore lost, each entry applied once (docs/SYNC.md, "A restored server").
final class ServerRestoreTests: XCTestCase {
    /// The procedure of docs/SERVER.md on PostgreSQL: `pg_dump -Fc`, then `pg_restore --clean`
    /// of that older dump while the server and two clients keep running.
    func testAnOlderDumpRestoredUnderARunningClientLosesNoAcknowledgedEntry() async throws {
        let database = try ScratchDatabase.create()
        defer { database.drop() }
        let dump = NSTemporaryDirectory() + "fiche-restore-\(UUID().uuidString).dump"
        // try?: a dump left in the temporary folder holds only test rows.
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"], "clerk2.cpas": ["CPAS-T"]],
                                                    store: try PostgresServerStore(url: database.url))
        let initial = try await SyncSimulation.serverDossiers(server)
        let maintenance = Maintenance(store: server.store)
        try await server.serve { url in
            var client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 1, faultRate: 0)
            // A colleague's computer that only reads meanwhile.
            let reader = try await SimulatedClient.make(name: "pc1", login: "clerk2.cpas", server: url, seed: 6, faultRate: 0)
            defer { client.remove(); reader.remove() }
            try await client.session.sync()
            try await reader.session.sync()
            let dossiers = try client.replica.syncedRows(of: "dossier_view").keys.sorted()
            XCTAssertEqual(dossiers.count, 2)
            func save(_ id: String, _ field: DossierField, _ value: String) throws {
                client.ledger.append(try XCTUnwrap(client.replica.updateDossierField(id, field, to: value, by: client.user)))
            }
            try save(dossiers[0], .lastName, "Martin")
            try await client.session.sync()
            let identity = try await maintenance.identity()
            try database.dump(to: dump)

            // Acknowledged after the dump: what the restore takes away from the server.
            try save(dossiers[0], .lastName, "Martin-Dubois")
            try save(dossiers[1], .lastName, "Peeters")
            let acknowledged = try await client.session.sync()
            XCTAssertEqual(acknowledged.applied, 2)
            try await reader.session.sync()
            XCTAssertEqual(try reader.replica.syncedRows(of: "person")[dossiers[1]]?["last_name"] ?? nil, "Peeters")
            XCTAssertEqual(try client.replica.pendingMutations(), [], "the outbox was empty before the restore")
            // Saved but not sent yet, over one of them: it must reach the server after it.
            try save(dossiers[1], .lastName, "Peeters-Janssens")

            try database.restore(from: dump)
            let restoredIdentity = try await maintenance.identity()
            XCTAssertNotEqual(restoredIdentity, identity, "pg_restore gives the database another identity by itself")
            let lost = try await SyncSimulation.serverDossiers(server)
            XCTAssertEqual(lost[dossiers[0]]?["last_name"] ?? nil, "Martin")
            XCTAssertEqual(lost[dossiers[1]]?["last_name"] ?? nil, initial[dossiers[1]]?["last_name"] ?? nil,
                           "the dump predates Peeters")

            let summary = try await client.session.sync()
            XCTAssertTrue(summary.serverRestored, summary.line)
            XCTAssertEqual(summary.pushedAgain, 2, summary.line)
            XCTAssertEqual(summary.applied, 3, "the two lost entries and the unsent one: \(summary.line)")
            XCTAssertGreaterThan(summary.snapshotRows, 0, "a fresh copy")
            XCTAssertTrue(summary.line.contains("server restored"), summary.line)

            let read = try await reader.session.sync()
            XCTAssertTrue(read.serverRestored, "the reader notices the new identity: \(read.line)")
            XCTAssertEqual(read.pushedAgain, 0)
            let failures = try await SyncSimulation.checkInvariants(server: server, clients: [client, reader], initial: initial)
            XCTAssertEqual(failures, [])
            let names = try await SyncSimulation.serverDossiers(server)
            XCTAssertEqual(names[dossiers[0]]?["last_name"] ?? nil, "Martin-Dubois")
            XCTAssertEqual(names[dossiers[1]]?["last_name"] ?? nil, "Peeters-Janssens")
            let persons = try client.replica.syncedRows(of: "person")
            XCTAssertEqual(persons[dossiers[0]]?["last_name"] ?? nil, "Martin-Dubois")
            XCTAssertEqual(persons[dossiers[1]]?["last_name"] ?? nil, "Peeters-Janssens")
            XCTAssertEqual(try client.replica.syncState().serverIdentity, restoredIdentity)

            let after = try await client.session.sync()
            XCTAssertFalse(after.serverRestored, "once is enough: \(after.line)")
            XCTAssertEqual(after.snapshotRows, 0)
        }
        await server.close()
    }

    /// `fiche-server reset-identity` alone (a database replaced by another): the replica copies
    /// again and keeps its unsent entry, though its cursor is not ahead and nothing it sent was lost.
    func testANewServerIdentityMakesTheReplicaCopyAgainAndKeepItsOutbox() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        let initial = try await SyncSimulation.serverDossiers(server)
        try await server.serve { url in
            var client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 2, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let known = try client.replica.syncState().serverIdentity
            XCTAssertNotNil(known, "the first pull records the server's identity")
            let dossiers = try client.replica.syncedRows(of: "dossier_view").keys.sorted()
            client.ledger.append(try XCTUnwrap(client.replica.updateDossierField(dossiers[0], .lastName, to: "Martin", by: client.user)))
            let identity = try await Maintenance(store: server.store).resetIdentity()
            XCTAssertNotEqual(identity, known)
            try await server.store.migrate()
            let migrated = try await Maintenance(store: server.store).identity()
            XCTAssertEqual(migrated, identity, "every command migrates first: that must not change the identity")

            let summary = try await client.session.sync()
            XCTAssertTrue(summary.serverRestored, summary.line)
            XCTAssertEqual(summary.pushedAgain, 0, "the server lost nothing this device sent")
            XCTAssertEqual(summary.applied, 1)
            XCTAssertGreaterThan(summary.snapshotRows, 0)
            XCTAssertEqual(try client.replica.syncState().serverIdentity, identity)
            let failures = try await SyncSimulation.checkInvariants(server: server, clients: [client], initial: initial)
            XCTAssertEqual(failures, [])
        }
        await server.close()
    }

    /// A SQLite file copied back while the server was stopped keeps its identity: the replicas
    /// notice the restore by their cursor, ahead of the restored change log. The one that only
    /// read gets a fresh copy; the one whose entries were lost pushes them again.
    func testACopiedBackSQLiteFileIsNoticedByTheCursorAndLosesNothing() async throws {
        let first = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"], "clerk2.cpas": ["CPAS-T"]])
        let path = try XCTUnwrap(first.path)
        let backup = path + ".backup"
        // try?: a backup left in the temporary folder holds only test rows.
        defer { try? FileManager.default.removeItem(atPath: backup) }
        let initial = try await SyncSimulation.serverDossiers(first)
        var (reader, writer) = try await first.serve { url in
            let reader = try await SimulatedClient.make(name: "reader", login: "clerk.cpas", server: url, seed: 3, faultRate: 0)
            let writer = try await SimulatedClient.make(name: "writer", login: "clerk2.cpas", server: url, seed: 4, faultRate: 0)
            try await reader.session.sync()
            try await writer.session.sync()
            return (reader, writer)
        }
        defer { reader.remove(); writer.remove() }
        let identity = try await Maintenance(store: first.store).identity()
        await first.store.close()
        try Self.copy(path, to: backup)

        let second = try await SimulatedServer.reopen(try SQLiteServerStore(path: path), path: path)
        (reader, writer) = try await second.serve { [reader, writer] url in
            var reader = reader
            var writer = writer
            reader.reconnect(to: url, seed: 3)
            writer.reconnect(to: url, seed: 4)
            let dossiers = try writer.replica.syncedRows(of: "dossier_view").keys.sorted()
            writer.ledger.append(try XCTUnwrap(writer.replica.updateDossierField(dossiers[0], .lastName, to: "Martin", by: writer.user)))
            writer.ledger.append(try XCTUnwrap(writer.replica.updateDossierField(dossiers[1], .lastName, to: "Peeters", by: writer.user)))
            try await writer.session.sync()
            try await reader.session.sync()
            XCTAssertEqual(try reader.replica.syncedRows(of: "person")[dossiers[1]]?["last_name"] ?? nil, "Peeters")
            return (reader, writer)
        }
        await second.store.close()
        try Self.copy(backup, to: path)

        let third = try await SimulatedServer.reopen(try SQLiteServerStore(path: path), path: path)
        let copiedIdentity = try await Maintenance(store: third.store).identity()
        XCTAssertEqual(copiedIdentity, identity, "a copied file keeps its identity")
        (reader, writer) = try await third.serve { [reader, writer] url in
            var reader = reader
            var writer = writer
            reader.reconnect(to: url, seed: 3)
            writer.reconnect(to: url, seed: 4)
            let dossiers = try reader.replica.syncedRows(of: "dossier_view").keys.sorted()
            let noticed = try await reader.session.sync()
            XCTAssertTrue(noticed.serverRestored, "the cursor is ahead of the restored log: \(noticed.line)")
            XCTAssertEqual(noticed.pushedAgain, 0)
            XCTAssertEqual(try reader.replica.syncedRows(of: "person")[dossiers[1]]?["last_name"] ?? nil,
                           initial[dossiers[1]]?["last_name"] ?? nil, "the reader shows what the restored server holds")
            let repushed = try await writer.session.sync()
            XCTAssertTrue(repushed.serverRestored, repushed.line)
            XCTAssertEqual(repushed.pushedAgain, 2, repushed.line)
            let caughtUp = try await reader.session.sync()
            XCTAssertFalse(caughtUp.serverRestored)
            XCTAssertEqual(try reader.replica.syncedRows(of: "person")[dossiers[1]]?["last_name"] ?? nil, "Peeters")
            let failures = try await SyncSimulation.checkInvariants(server: third, clients: [reader, writer], initial: initial)
            XCTAssertEqual(failures, [])
            return (reader, writer)
        }
        await third.close()
    }

    /// Copies a closed SQLite store file over another, with its journal files if any.
    static func copy(_ source: String, to target: String) throws {
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            // try?: the target's journal files may not exist; a leftover one would fail the copy next.
            try? files.removeItem(atPath: target + suffix)
            if files.fileExists(atPath: source + suffix) { try files.copyItem(atPath: source + suffix, toPath: target + suffix) }
        }
    }
}
