import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import Foundation
import XCTest

/// The employer, its users and its grants reach a replica by sync alone, scoped like every other
/// row: a device that only signed in and synced can write, and loses a right when the server does.
final class ReferenceDataTests: XCTestCase {
    static let monday = try! LocalDate.parse("2026-03-02")

    static func absence(_ client: SimulatedClient, dossier: String, employer: String, on day: LocalDate) -> TimeRecord {
        TimeRecord.absence(id: UUID().uuidString.lowercased(), employerCode: employer, dossierID: dossier, type: "annual_leave",
                           from: day, to: day, enteredBy: client.user.id)
    }

    func testASignedInClientThatOnlySyncedRecordsAnAbsence() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 1, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let user = try XCTUnwrap(try client.replica.user(id: "clerk.cpas"), "the user row comes with the sync")
            XCTAssertNotEqual(user.id, "clerk.cpas", "the server's user id, which its grants name")
            XCTAssertEqual(user.displayName, "clerk.cpas")
            XCTAssertEqual(try client.replica.syncedRows(of: "employer")["CPAS-T"]?["kind"] ?? nil, "cpas")
            let dossier = try XCTUnwrap(client.replica.syncedRows(of: "dossier_view").keys.sorted().first)
            let entry = try XCTUnwrap(client.replica.recordAbsence(Self.absence(client, dossier: dossier, employer: "CPAS-T", on: Self.monday),
                                                                   by: user, rules: try RuleBook.bundled()))
            try await client.session.sync()
            XCTAssertEqual(try client.replica.recordedResults().map(\.uuid), [entry.uuid])
            XCTAssertEqual(try client.replica.recordedResults().map(\.status), ["applied"])
            XCTAssertEqual(try client.replica.pendingMutations(), [])
        }
        await server.close()
    }

    func testACPASOnlyUserNeverReceivesTheCommunesEmployerUsersOrGrants() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"], "clerk.ac": ["AC-T"],
                                                            "clerk.both": ["AC-T", "CPAS-T"]])
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.cpas", server: url, seed: 2, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            // Changes after the snapshot travel by pull: a new commune user and grant, a new CPAS one.
            try await server.accounts.addUser(login: "new.ac", displayName: "New AC", password: SimulatedServer.password)
            try await server.accounts.grant(login: "new.ac", employer: "AC-T", role: .timeManager)
            try await server.accounts.grant(login: "clerk.ac", employer: "AC-T", role: .supervisor)
            try await server.accounts.addUser(login: "new.cpas", displayName: "New CPAS", password: SimulatedServer.password,
                                              language: .nl)
            try await server.accounts.grant(login: "new.cpas", employer: "CPAS-T", role: .timeManager)
            try await client.session.sync()

            XCTAssertEqual(Set(try client.replica.syncedRows(of: "employer").keys), ["CPAS-T"])
            let users = try client.replica.syncedRows(of: "app_user").values
            XCTAssertEqual(Set(users.compactMap { $0["login"] ?? nil }), ["clerk.cpas", "clerk.both", "new.cpas"])
            XCTAssertEqual(users.first { ($0["login"] ?? nil) == "new.cpas" }?["language"] ?? nil, "nl")
            let grants = try client.replica.syncedRows(of: "user_grant").values
            XCTAssertEqual(Set(grants.compactMap { $0["employer_code"] ?? nil }), ["CPAS-T"])
            XCTAssertEqual(grants.count, 3)
            XCTAssertEqual(try client.replica.heldEmployerCodes(), ["CPAS-T"])
            // What the server logs for users never holds a password hash.
            let logged = try await server.store.read { tx in
                try await tx.query("SELECT row_json FROM change_log WHERE entity = 'user'", []).compactMap { $0.string("row_json") }
            }
            XCTAssertFalse(logged.isEmpty)
            XCTAssertFalse(logged.contains { $0.contains("password") || $0.contains("$2") })
        }
        await server.close()
    }

    func testAGrantRemovedOnTheServerRemovesTheRightOnTheDeviceAfterThePull() async throws {
        let server = try await SimulatedServer.make(users: ["tm.cpas": []])
        try await server.accounts.grant(login: "tm.cpas", employer: "CPAS-T", role: .auditor)
        try await server.accounts.grant(login: "tm.cpas", employer: "CPAS-T", role: .timeManager)
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "tm.cpas", server: url, seed: 3, faultRate: 0)
            defer { client.remove() }
            try await client.session.sync()
            let dossier = try XCTUnwrap(client.replica.syncedRows(of: "dossier_view").keys.sorted().first)
            let rules = try RuleBook.bundled()
            XCTAssertNotNil(try client.replica.recordAbsence(Self.absence(client, dossier: dossier, employer: "CPAS-T", on: Self.monday),
                                                             by: client.user, rules: rules))
            try await client.session.sync()

            try await server.accounts.revoke(login: "tm.cpas", employer: "CPAS-T", role: .timeManager)
            try await client.session.sync()
            // Still an auditor there: the rows stay, the right to enter time goes.
            XCTAssertEqual(try client.replica.heldEmployerCodes(), ["CPAS-T"])
            XCTAssertEqual(try client.replica.syncedRows(of: "user_grant").values.compactMap { $0["role"] ?? nil }, ["auditor"])
            let next = try XCTUnwrap(LocalDate(year: 2026, month: 3, day: 3))
            XCTAssertThrowsError(try client.replica.recordAbsence(Self.absence(client, dossier: dossier, employer: "CPAS-T", on: next),
                                                                  by: client.user, rules: rules)) { error in
                XCTAssertEqual((error as? RuleViolation)?.code, "access.denied")
            }
            XCTAssertEqual(try client.replica.pendingMutations(), [])
        }
        await server.close()
    }
}
