import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// `fiche-server purge time-records`: records past their retention are erased with every copy of
/// their values on the server, devices drop them, and a date within the retention is refused.
final class TimeRecordPurgeTests: XCTestCase {
    func testSQLiteRecordsPastTheRetentionAreErasedEverywhereAndNoOthers() async throws {
        try await Self.recordsPastTheRetentionAreErasedEverywhereAndNoOthers(.sqlite)
    }

    func testPostgresRecordsPastTheRetentionAreErasedEverywhereAndNoOthers() async throws {
        try await Self.recordsPastTheRetentionAreErasedEverywhereAndNoOthers(.postgres)
    }

    static func recordsPastTheRetentionAreErasedEverywhereAndNoOthers(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        let rules = try RuleBook.bundled()
        try await fixture.test { api in
            let time = try await api.login("time.cpas").accessToken
            let (_, pushed) = try await api.push(time, [
                .absence(1, dossier: dossier, record: "old-leave", from: "2026-02-02", to: "2026-02-04", status: .submitted),
                .absence(2, dossier: dossier, record: "kept-leave", from: "2026-03-02", to: "2026-03-03", status: .submitted),
            ])
            XCTAssertEqual(pushed?.results.map(\.status), [.applied, .applied])
            let held = try await api.pull(time).1
            let cursor = try XCTUnwrap(held).cursor
            // 2,190 days on (31/12/2031): the CPAS may erase what ended before 31/12/2026, five years back.
            fixture.clock.advance(seconds: 6 * 365 * 86_400)
            let purge = TimeRecordPurge(store: fixture.store, rules: rules, configuration: fixture.configuration)
            let storedBefore = try await Self.storedRecords(fixture)
            do {
                _ = try await purge.run(before: try LocalDate.parse("2027-06-01"))
                XCTFail("a date within the retention is refused")
            } catch let error as CommandError {
                XCTAssertTrue(error.description.contains("kept for 5 years"), error.description)
                XCTAssertTrue(error.description.contains("the latest date allowed today is 2026-12-31"), "it says the latest date allowed: \(error.description)")
            }
            do {
                _ = try await purge.run(before: try LocalDate.parse("2026-03-01"), employer: "NOPE")
                XCTFail("an unknown employer is refused")
            } catch let error as CommandError {
                XCTAssertEqual(error.description, "no employer NOPE")
            }
            let dry = try await purge.run(before: try LocalDate.parse("2026-03-01"), employer: ServerFixture.cpas, dryRun: true)
            XCTAssertEqual(dry.purged, 1)
            XCTAssertTrue(dry.description.contains("nothing written"), dry.description)
            let storedAfterRefusals = try await Self.storedRecords(fixture)
            XCTAssertEqual(storedAfterRefusals, storedBefore, "refusals and a dry run change nothing")

            let done = try await purge.run(before: try LocalDate.parse("2026-03-01"), employer: ServerFixture.cpas)
            XCTAssertEqual(done.description, "1 time record purged (ended before 2026-03-01); devices drop them at their next sync")
            let stored = try await Self.storedRecords(fixture)
            XCTAssertEqual(stored, ["kept-leave"])
            let copies = try await fixture.store.read { tx in
                try await tx.query("""
                    SELECT op, row_json FROM change_log WHERE entity = 'time_record' AND entity_id = 'old-leave' ORDER BY seq
                    """, [])
            }
            XCTAssertGreaterThan(copies.count, 1)
            XCTAssertEqual(Set(copies.map { $0.string("op") ?? "" }), ["delete"], "the log keeps no copy of its values")
            XCTAssertTrue(copies.allSatisfy { $0.string("row_json") == nil })
            let audits = try await fixture.store.read { tx in
                try await tx.query("SELECT action, old_value, new_value FROM audit WHERE entity_id = 'old-leave' OR action = 'purge.time_records'", [])
            }
            XCTAssertTrue(audits.contains { $0.string("action") == "purge.time_records" && $0.string("new_value") == "1 ended before 2026-03-01" })
            XCTAssertTrue(audits.filter { $0.string("action") != "purge.time_records" }
                .allSatisfy { $0.string("old_value") == nil && $0.string("new_value") == nil })

            let again = try await api.login("time.cpas").accessToken
            // A device that held it is told to drop it; a new device never receives its values.
            let pulledBehind = try await api.pull(again, cursor: cursor).1
            let behind = try XCTUnwrap(pulledBehind)
            XCTAssertTrue(behind.changes.contains { $0.id == "old-leave" && $0.op == .delete })
            let pulledFresh = try await api.pull(again).1
            let fresh = try XCTUnwrap(pulledFresh)
            XCTAssertFalse(fresh.changes.contains { $0.id == "old-leave" && $0.op != .delete })
            XCTAssertTrue(fresh.changes.contains { $0.id == "kept-leave" && $0.op == .upsert })
        }
        await fixture.store.close()
    }

    private static func storedRecords(_ fixture: ServerFixture) async throws -> [String] {
        try await fixture.store.read { tx in
            try await tx.query("SELECT id FROM time_records ORDER BY id", []).compactMap { $0.string("id") }
        }
    }

    func testTheRetentionLimitIsTheSameDayFiveYearsBack() throws {
        let retention = try RuleBook.bundled().retention
        XCTAssertEqual(retention.timeRecordYears, 5)
        XCTAssertEqual(retention.purgeLimit(today: try LocalDate.parse("2026-12-07")), try LocalDate.parse("2021-12-07"))
        XCTAssertEqual(retention.purgeLimit(today: try LocalDate.parse("2028-02-29")), try LocalDate.parse("2023-02-28"))
        XCTAssertTrue(retention.source.contains("Arrêté royal n° 5"))
    }
}
