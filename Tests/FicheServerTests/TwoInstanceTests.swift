import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// Two server instances on one PostgreSQL database, as behind a load balancer: each has its own
/// caches (callers, clock readings, push queue, read-audit batch) and its own connection pool,
/// so what one instance or the CLI changes must hold on the other at the next request.
final class TwoInstanceTests: XCTestCase {
    /// The fixture's instance, and a second one on its own connection to the same database.
    private func instances() async throws -> (ServerFixture, SyncService, any ServerStore) {
        let fixture = try await ServerFixture.make(.postgres)
        let other = try PostgresServerStore(url: try TestStore.databaseURL())
        let service = try await SyncService(store: other, configuration: fixture.configuration)
        return (fixture, service, other)
    }

    private func run<Value: Sendable>(_ service: SyncService, _ body: @Sendable (APIClient) async throws -> Value) async throws -> Value {
        let app = Application(router: ServerApplication.router(service: service),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.router) { client in try await body(APIClient(client: client)) }
    }

    func testADeviceRevokedWithTheCommandIsRefusedAtOnceByBothInstancesThatCachedIt() async throws {
        let (fixture, second, secondStore) = try await instances()
        let tokens = try await run(fixture.service) { api in try await api.login("clerk.cpas") }
        // Both instances serve the device twice: each caches the caller.
        for service in [fixture.service, second] {
            for _ in 0..<2 {
                let (status, _, _) = try await run(service) { api in try await api.pull(tokens.accessToken) }
                XCTAssertEqual(status, .ok)
            }
        }
        // The administrator's command, on its own connection (another process in production).
        let command = try PostgresServerStore(url: try TestStore.databaseURL())
        try await Accounts(store: command, configuration: fixture.configuration).revokeDevice(id: tokens.deviceID)
        await command.close()
        for service in [fixture.service, second] {
            let (status, _, error) = try await run(service) { api in try await api.pull(tokens.accessToken) }
            XCTAssertEqual(status, .unauthorized)
            XCTAssertEqual(error?.error, "device_revoked")
            XCTAssertEqual(error?.wipe, true)
        }
        await secondStore.close()
        await fixture.store.close()
    }

    func testPushesAlternatingBetweenInstancesApplyEachMutationOnceInOrder() async throws {
        let (fixture, second, secondStore) = try await instances()
        let dossier = try await fixture.dossierID("S001")
        let tokens = try await run(fixture.service) { api in try await api.login("time.cpas") }
        let monday: LocalDate = "2030-03-04"
        let days = (0..<4).map { monday.adding(days: $0) }
        let mutations = days.enumerated().map { index, day in
            PendingMutation.absence(Int64(index + 1), dossier: dossier, from: day, to: day)
        }
        // 1 on the first instance, 2 on the second (its cached caller must not think the device
        // is still at 0), 3 on the first again (nor at 1), then 3 and 4 on the second: 3 is a
        // replay there.
        let plan: [(SyncService, [PendingMutation])] = [
            (fixture.service, [mutations[0]]), (second, [mutations[1]]), (fixture.service, [mutations[2]]),
            (second, [mutations[2], mutations[3]]),
        ]
        // Prime both caches first.
        for service in [fixture.service, second] {
            _ = try await run(service) { api in try await api.pull(tokens.accessToken) }
        }
        var statuses: [[MutationStatus]] = []
        for (service, batch) in plan {
            let (status, answer) = try await run(service) { api in try await api.push(tokens.accessToken, batch) }
            XCTAssertEqual(status, .ok)
            statuses.append(answer?.results.map(\.status) ?? [])
        }
        XCTAssertEqual(statuses, [[.applied], [.applied], [.applied], [.applied, .applied]])
        let applied = try await fixture.count("SELECT count(*) AS n FROM time_records WHERE dossier_id = ?", [.text(dossier)])
        XCTAssertEqual(applied, 4, "four absences, none twice")
        let rows = try await fixture.count("SELECT count(*) AS n FROM mutations WHERE client_id = ?", [.text(tokens.deviceID)])
        XCTAssertEqual(rows, 4)
        await secondStore.close()
        await fixture.store.close()
    }

    func testAGrantRemovedAndASnapshotStartedOnOneInstanceHoldOnTheOther() async throws {
        let (fixture, second, secondStore) = try await instances()
        let tokens = try await run(fixture.service) { api in try await api.login("clerk.ac") }
        // A snapshot page from one instance, the next page from the other: the key is the database's.
        let first = try await run(fixture.service) { api in
            try await api.call("/v1/sync/snapshot?limit=1", .get, token: tokens.accessToken)
        }
        XCTAssertEqual(first.0, .ok)
        let page = try JSONDecoder().decode(SnapshotPage.self, from: first.1)
        let next = try XCTUnwrap(page.nextToken)
        let (continued, _) = try await run(second) { api in
            try await api.call("/v1/sync/snapshot?limit=1&token=\(next)", .get, token: tokens.accessToken)
        }
        XCTAssertEqual(continued, .ok, "the second instance reads the first one's snapshot token")
        // The grant goes: the second instance, which cached the caller with it, stops serving the commune.
        let (before, pulled, _) = try await run(second) { api in try await api.pull(tokens.accessToken) }
        XCTAssertEqual(before, .ok)
        XCTAssertFalse(pulled?.changes.isEmpty ?? true)
        let (still, stillBody) = try await run(second) { api in
            try await api.call("/v1/sync/snapshot?limit=1&token=\(next)", .get, token: tokens.accessToken)
        }
        XCTAssertEqual(still, .ok)
        XCTAssertFalse(try JSONDecoder().decode(SnapshotPage.self, from: stillBody).rows.isEmpty, "the commune's rows while granted")
        try await fixture.accounts.revoke(login: "clerk.ac", employer: ServerFixture.commune, role: .payrollClerk)
        let (after, afterBody) = try await run(second) { api in
            try await api.call("/v1/sync/snapshot?limit=1&token=\(next)", .get, token: tokens.accessToken)
        }
        XCTAssertEqual(after, .ok)
        XCTAssertEqual(try JSONDecoder().decode(SnapshotPage.self, from: afterBody).rows.count, 0,
                       "the other instance, which cached the caller with the grant, sends none of the commune's rows")
        await secondStore.close()
        await fixture.store.close()
    }
}
