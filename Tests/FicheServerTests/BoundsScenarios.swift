import FicheTestSupport
import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import XCTest

/// No value a push carries stops the server or slips past the rules: scenarios run by
/// `SQLiteServerTests` and `PostgresServerTests` on each store.
enum BoundsScenarios {
    /// The reproductions from the issue: a clocking of Int.min minutes, then one of -1 the same
    /// day, once killed the process; negative minutes walked around the 9 h/day limit.
    static func extremeMinutesAreRejectedAndTheDayLimitHolds(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        fixture.clock.advance(seconds: 45 * 86_400)  // mid-February 2026: the clockings below are of days past
        let dossier = try await fixture.dossierID("S002")
        try await fixture.test { api in
            let token = try await api.login("time.cpas").accessToken
            let (status, push) = try await api.push(token, [
                .clocking(1, dossier: dossier, on: "2026-02-02", 480, 1020, minutes: Int.min),
                .clocking(2, dossier: dossier, on: "2026-02-02", 480, 1020, minutes: -1),
                .clocking(3, dossier: dossier, on: "2026-02-02", 480, 1020),
                .clocking(4, dossier: dossier, on: "2026-02-02", 0, 1440, minutes: -100_000),
                .clocking(5, dossier: dossier, on: "2026-02-03", 0, 1440, minutes: -100_000),
                .clocking(6, dossier: dossier, on: "2026-02-03", 480, 720, minutes: 1440),
            ])
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(push?.results.map(\.status), [.rejected, .rejected, .applied, .rejected, .rejected, .rejected])
            XCTAssertEqual(push?.results.map(\.reason), ["time.range", "time.range", nil, "time.range", "time.range",
                                                         "clocking.minutes"])
            // An hour more next to the 9 hours already clocked is over the limit; a whole day overlaps them.
            let (_, day) = try await api.push(token, [.clocking(7, dossier: dossier, on: "2026-02-02", 1020, 1080),
                                                      .clocking(8, dossier: dossier, on: "2026-02-02", 0, 1440)])
            XCTAssertEqual(day?.results.map(\.reason), ["clocking.too_long", "clocking.overlap"])
            // Clockings are time worked: none on a day still to come (the server's clock: mid-February).
            let (_, future) = try await api.push(token, [.clocking(9, dossier: dossier, on: "2026-03-02", 480, 600)])
            XCTAssertEqual(future?.results.first?.reason, "clocking.future")
            let (pullStatus, _, _) = try await api.pull(token)
            XCTAssertEqual(pullStatus, .ok)
        }
        let stored = try await fixture.store.read { tx in
            try await tx.query("SELECT start_minute, end_minute, minutes FROM time_records", []).map {
                [$0.string("start_minute"), $0.string("end_minute"), $0.string("minutes")]
            }
        }
        XCTAssertEqual(stored, [["480", "1020", nil]])
        await fixture.store.close()
    }

    /// Randomised extreme values (seeded, so a failure replays): each push gets a 4xx or a
    /// `rejected` answer, nothing is stored, and the server answers a valid push afterwards.
    static func randomExtremeValuesAreRefusedAndNothingIsStored(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        fixture.clock.advance(seconds: 45 * 86_400)  // mid-February 2026: the clockings below are of days past
        let dossier = try await fixture.dossierID("S002")
        let logBefore = try await fixture.count("SELECT COUNT(*) AS n FROM change_log")
        let dossierBefore = try await fixture.dossierColumns(dossier, dossierColumns)
        // A failing seed is printed with the round; FICHE_BOUNDS_SEED=N replays (or tries) another.
        let seed = ProcessInfo.processInfo.environment["FICHE_BOUNDS_SEED"].flatMap { UInt64($0) } ?? 20_261_206
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            var random = SeededGenerator(seed: seed)
            var next: Int64 = 1
            var refusedRequests = 0
            for round in 0..<150 {
                let body = ExtremePush.body(round: round, id: next, dossier: dossier, using: &random)
                let (status, data) = try await api.call("/v1/sync/push", .post, token: token, body: Data(body.utf8))
                let shown = "seed \(seed) round \(round): \(status) \(String(decoding: data.prefix(300), as: UTF8.self)) for \(body.prefix(400))"
                if (400..<500).contains(status.code) {
                    XCTAssertNoThrow(try JSONDecoder().decode(ErrorBody.self, from: data), shown)
                    refusedRequests += 1
                    continue
                }
                XCTAssertEqual(status, .ok, shown)
                let results = try JSONDecoder().decode(PushResponse.self, from: data).results
                XCTAssertEqual(results.map(\.status), [.rejected], shown)
                next += 1
            }
            // U+0000, which PostgreSQL's text cannot hold, is refused in a login and a snapshot query too.
            let (loginStatus, _) = try await api.call("/v1/auth/login", .post, body: Data(
                #"{"login": "clerk.cpas\u0000", "password": "x", "device": "pc"}"#.utf8))
            XCTAssertEqual(loginStatus, .badRequest)
            let (snapshotStatus, _) = try await api.call("/v1/sync/snapshot?employer=CPAS-T%00", .get, token: token)
            XCTAssertEqual(snapshotStatus, .badRequest)
            // Both ways of refusing were exercised: whole requests (400) and single mutations.
            XCTAssertGreaterThan(refusedRequests, 20)
            XCTAssertGreaterThan(next, 40)
            let (pullStatus, _, _) = try await api.pull(token)
            XCTAssertEqual(pullStatus, .ok)
            let (_, valid) = try await api.push(token, [.clocking(next, dossier: dossier, on: "2026-02-03", 480, 720, minutes: 240)])
            XCTAssertEqual(valid?.results.map(\.status), [.applied])
        }
        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, 1, "only the valid clocking at the end")
        let notes = try await fixture.count("SELECT COUNT(*) AS n FROM notes")
        XCTAssertEqual(notes, 0)
        let logAfter = try await fixture.count("SELECT COUNT(*) AS n FROM change_log")
        XCTAssertEqual(logAfter - logBefore, 1)
        let dossierAfter = try await fixture.dossierColumns(dossier, dossierColumns)
        XCTAssertEqual(dossierAfter, dossierBefore)
        await fixture.store.close()
    }

    static let dossierColumns = ["last_name", "first_name", "regime_percent", "iban", "language", "version"]
}

extension PendingMutation {
    /// A clocking from `from` to `to` (minutes after midnight), with `minutes` as sent.
    static func clocking(_ id: Int64, dossier: String, on date: LocalDate, _ from: Int, _ to: Int,
                         minutes: Int? = nil) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .recordTimeRecord(
            RecordTimeRecord(recordID: UUID().uuidString, dossierID: dossier, kind: .clocking, typeCode: nil,
                             start: date, end: date, startMinute: from, endMinute: to, minutes: minutes,
                             status: .submitted)))
    }
}
