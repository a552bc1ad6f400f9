import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// Grants that end or start by date reach the devices on the day, run by `SQLiteServerTests`
/// and `PostgresServerTests` against each store.
enum GrantCalendarScenarios {
    /// A CPAS clerk helping the commune until tomorrow loses the commune's rows the day after;
    /// a time manager starting at the commune the day after tomorrow gets them on that day.
    static func datedGrantsReachTheDevicesOnTheDay(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let calendar = GrantCalendar(store: fixture.store, configuration: fixture.configuration)
        let today = try LocalDate.parse("2026-01-01")
        try await fixture.accounts.grant(login: "clerk.cpas", employer: ServerFixture.commune, role: .payrollClerk,
                                         validTo: today.adding(days: 1))
        try await fixture.accounts.grant(login: "time.cpas", employer: ServerFixture.commune, role: .timeManager,
                                         validFrom: today.adding(days: 2))
        let firstRound = try await calendar.announce()
        XCTAssertEqual(firstRound, 0, "the first round only remembers the day")
        try await fixture.test { api in
            let helper = try await api.login("clerk.cpas").accessToken
            let (_, before, _) = try await api.pull(helper)
            let helperCursor = try XCTUnwrap(before).cursor
            XCTAssertTrue(try XCTUnwrap(before).changes.contains { $0.scope == ServerFixture.commune && $0.entity == .dossier },
                          "until the end date the commune's dossiers are the helper's")
            let newcomer = try await api.login("time.cpas").accessToken
            let (_, early, _) = try await api.pull(newcomer)
            let newcomerCursor = try XCTUnwrap(early).cursor
            XCTAssertFalse(try XCTUnwrap(early).changes.contains { $0.scope == ServerFixture.commune && $0.entity == .dossier },
                           "nothing of the commune before the start date")

            fixture.clock.advance(seconds: 2 * 86_400)
            let announced = try await calendar.announce()
            XCTAssertEqual(announced, 2)
            let again = try await calendar.announce()
            XCTAssertEqual(again, 0, "a day is announced once")

            let helperAgain = try await api.login("clerk.cpas").accessToken
            let (_, after, _) = try await api.pull(helperAgain, cursor: helperCursor)
            let helperEvents = try XCTUnwrap(after).changes.filter { $0.entity == .scope }
            XCTAssertEqual(helperEvents.map(\.op), [.scopeRemoved])
            XCTAssertEqual(helperEvents.first?.scope, ServerFixture.commune)
            let newcomerAgain = try await api.login("time.cpas").accessToken
            let (_, started, _) = try await api.pull(newcomerAgain, cursor: newcomerCursor)
            let newcomerEvents = try XCTUnwrap(started).changes.filter { $0.entity == .scope }
            XCTAssertEqual(newcomerEvents.map(\.op), [.scopeAdded])
            XCTAssertEqual(newcomerEvents.first?.scope, ServerFixture.commune)
            let rows = try await api.snapshot(newcomerAgain)
            XCTAssertTrue(rows.contains { $0.0 == .dossier && ($0.1["employer_code"] ?? nil) == ServerFixture.commune })
        }
        await fixture.store.close()
    }
}
