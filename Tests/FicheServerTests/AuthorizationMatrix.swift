import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// The security and sync scenarios, written once and run by `SQLiteServerTests` and
/// `PostgresServerTests` against each store.
enum AuthorizationMatrix {
    static func cpasClerkNeverSeesCommuneRows(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let communeDossier = try await fixture.dossierID("A001")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (status, pull, _) = try await api.pull(token)
            XCTAssertEqual(status, .ok)
            let changes = try XCTUnwrap(pull).changes
            XCTAssertFalse(changes.isEmpty)
            XCTAssertTrue(changes.allSatisfy { $0.scope == ServerFixture.cpas }, "\(changes.map(\.scope))")
            let snapshot = try await api.snapshot(token)
            XCTAssertEqual(snapshot.count, 2)
            XCTAssertTrue(snapshot.allSatisfy { ($0.1["employer_code"] ?? nil) == ServerFixture.cpas })
            let (pushStatus, push) = try await api.push(token, [.iban(1, dossier: communeDossier, old: "BE32123456789002",
                                                                      new: "BE68539007547034")])
            XCTAssertEqual(pushStatus, .ok)
            XCTAssertEqual(push?.results.first?.status, .rejected)
            XCTAssertEqual(push?.results.first?.reason, "access.denied")
        }
        let iban = try await fixture.store.read { tx in
            try await tx.first("SELECT iban FROM dossiers WHERE id = ?", [.text(communeDossier)])?.string("iban")
        }
        XCTAssertEqual(iban, "BE32123456789002")
        await fixture.store.close()
    }

    static func auditorReadsMaskedAndCannotWrite(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        try await fixture.test { api in
            let token = try await api.login("auditor").accessToken
            let (_, pull, _) = try await api.pull(token)
            let rows = try XCTUnwrap(pull).changes.filter { $0.entity == .dossier }
            XCTAssertEqual(rows.count, 4)
            for change in rows {
                XCTAssertTrue(((change.row?["niss"] ?? nil) ?? "").hasPrefix("**"), "NISS must be masked for an auditor")
                if let iban = change.row?["iban"] ?? nil { XCTAssertTrue(iban.contains("**"), "IBAN must be masked: \(iban)") }
            }
            let (_, push) = try await api.push(token, [
                .field(1, dossier: dossier, .lastName, old: "El Amrani", new: "Martin"),
                .absence(2, dossier: dossier, from: "2026-02-02", to: "2026-02-03"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.rejected, .rejected])
            XCTAssertEqual(push?.results.first?.reason, "access.denied")
        }
        await fixture.store.close()
    }

    static func revokedDeviceGetsWipe(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let tokens = try await api.login("clerk.cpas")
            try await fixture.accounts.revokeDevice(id: tokens.deviceID)
            let (status, _, error) = try await api.pull(tokens.accessToken)
            XCTAssertEqual(status, .unauthorized)
            XCTAssertEqual(error?.error, "device_revoked")
            XCTAssertEqual(error?.wipe, true)
            let (refreshStatus, data) = try await api.call("/v1/auth/refresh", .post,
                                                           body: try JSONEncoder().encode(RefreshRequest(refreshToken: tokens.refreshToken)))
            XCTAssertEqual(refreshStatus, .unauthorized)
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: data).wipe, true)
        }
        await fixture.store.close()
    }

    /// A caller kept between requests is refused as soon as the database says so, whoever
    /// changed it: a device revoked, an account disabled by a direct update (as another process
    /// or an administrator's SQL would), a grant removed.
    static func knownCallerIsCheckedAgainAtEveryRequest(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let revoked = try await api.login("clerk.cpas")
            for _ in 0..<3 {
                let (status, _, _) = try await api.pull(revoked.accessToken)
                XCTAssertEqual(status, .ok)
            }
            try await fixture.accounts.revokeDevice(id: revoked.deviceID)
            let (status, _, error) = try await api.pull(revoked.accessToken, cursor: 1_000_000)
            XCTAssertEqual(status, .unauthorized)
            XCTAssertEqual(error?.error, "device_revoked")

            let disabled = try await api.login("clerk2.cpas")
            for _ in 0..<3 {
                let (status, _, _) = try await api.pull(disabled.accessToken)
                XCTAssertEqual(status, .ok)
            }
            try await fixture.store.write { tx in
                try await tx.execute("UPDATE users SET active = 0 WHERE login = ?", [.text("clerk2.cpas")])
            }
            let (disabledStatus, _, _) = try await api.pull(disabled.accessToken, cursor: 1_000_000)
            XCTAssertEqual(disabledStatus, .unauthorized)

            let auditor = try await api.login("auditor").accessToken
            let before = try await api.snapshot(auditor)
            XCTAssertFalse(before.filter { $0.0 == .dossier }.isEmpty)
            try await fixture.store.write { tx in
                try await tx.execute("DELETE FROM grants WHERE user_id = (SELECT id FROM users WHERE login = ?)",
                                     [.text("auditor")])
            }
            let after = try await api.snapshot(auditor)
            XCTAssertTrue(after.isEmpty)
        }
        await fixture.store.close()
    }

    static func removedGrantRemovesRowsAtNextPull(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (_, first, _) = try await api.pull(token)
            let cursor = try XCTUnwrap(first).cursor
            try await fixture.accounts.revoke(login: "clerk.cpas", employer: ServerFixture.cpas, role: .payrollClerk)
            let (status, second, _) = try await api.pull(token, cursor: cursor)
            XCTAssertEqual(status, .ok)
            let changes = try XCTUnwrap(second).changes
            XCTAssertEqual(changes.map(\.op), [.scopeRemoved])
            XCTAssertEqual(changes.first?.scope, ServerFixture.cpas)
            // From scratch, nothing of the CPAS is left to see.
            let (_, fresh, _) = try await api.pull(token)
            XCTAssertTrue(try XCTUnwrap(fresh).changes.allSatisfy { $0.entity == .scope })
            let snapshot = try await api.snapshot(token)
            XCTAssertTrue(snapshot.isEmpty)
        }
        await fixture.store.close()
    }

    static func forgedOrExpiredTokenGets401(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let tokens = try await api.login("clerk.ac")
            let (forged, _, forgedError) = try await api.pull("fa_" + String(repeating: "A", count: 43))
            XCTAssertEqual(forged, .unauthorized)
            XCTAssertEqual(forgedError?.error, "unauthorized")
            let (missing, _) = try await api.call("/v1/sync/pull", .get)
            XCTAssertEqual(missing, .unauthorized)
            fixture.clock.advance(seconds: Double(fixture.configuration.accessTokenLifetime + 1))
            let (expired, _, expiredError) = try await api.pull(tokens.accessToken)
            XCTAssertEqual(expired, .unauthorized)
            XCTAssertEqual(expiredError?.error, "token_expired")
            let (refreshStatus, data) = try await api.call("/v1/auth/refresh", .post,
                                                           body: try JSONEncoder().encode(RefreshRequest(refreshToken: tokens.refreshToken)))
            XCTAssertEqual(refreshStatus, .ok)
            let renewed = try JSONDecoder().decode(TokenResponse.self, from: data)
            XCTAssertEqual(renewed.deviceID, tokens.deviceID)
            let (ok, _, _) = try await api.pull(renewed.accessToken)
            XCTAssertEqual(ok, .ok)
            let (old, _, _) = try await api.pull(tokens.accessToken)
            XCTAssertEqual(old, .unauthorized)
        }
        await fixture.store.close()
    }

    static func replayedMutationAppliesOnce(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        let before = try await fixture.count("SELECT COUNT(*) AS n FROM change_log")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let mutation = PendingMutation.absence(1, dossier: dossier, from: "2026-02-02", to: "2026-02-03")
            var results: [MutationResult] = []
            for _ in 0..<3 {
                let (status, push) = try await api.push(token, [mutation])
                XCTAssertEqual(status, .ok)
                results += push?.results ?? []
            }
            XCTAssertEqual(results.count, 3)
            XCTAssertEqual(Set(results).count, 1, "a replay answers the stored result")
            XCTAssertEqual(results.first?.status, .applied)
        }
        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, 1)
        let after = try await fixture.count("SELECT COUNT(*) AS n FROM change_log")
        XCTAssertEqual(after - before, 1)
        await fixture.store.close()
    }

    static func sameIBANChangeGivesOneConflict(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        try await fixture.test { api in
            let first = try await api.login("clerk.cpas").accessToken
            let second = try await api.login("clerk2.cpas").accessToken
            let (_, a) = try await api.push(first, [.iban(1, dossier: dossier, old: "BE32 1234 5678 9002", new: "BE68539007547034")])
            let (_, b) = try await api.push(second, [.iban(1, dossier: dossier, old: "BE32123456789002", new: "BE71096123456769")])
            XCTAssertEqual(a?.results.first?.status, .applied)
            XCTAssertEqual(b?.results.first?.status, .conflict)
            XCTAssertEqual(b?.results.first?.serverValue, "BE68539007547034")
            // Changing to the value already there is a no-op, not a conflict.
            let (_, c) = try await api.push(second, [.iban(2, dossier: dossier, old: "BE32123456789002", new: "BE68539007547034")])
            XCTAssertEqual(c?.results.first?.status, .applied)
            XCTAssertNil(c?.results.first?.seq)
        }
        await fixture.store.close()
    }

    static func hostileTextIsStoredOrRejectedCleanly(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        let hostile = "Robert'); DROP TABLE dossiers;-- \" ? $1 \\ %"
        let huge = String(repeating: "é", count: 1_000_000)
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (_, push) = try await api.push(token, [
                .field(1, dossier: dossier, .lastName, old: "Van den Bossche", new: hostile),
                .field(2, dossier: dossier, .firstName, old: "Bram", new: huge),
                .field(3, dossier: hostile, .firstName, old: "Bram", new: "x"),
                PendingMutation(id: 4, uuid: "u4", mutation: .addNote(AddNote(noteID: "n1", dossierID: dossier, text: huge))),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.applied, .rejected, .rejected, .rejected])
            XCTAssertEqual(push?.results.map(\.reason), [nil, "field.too_long", "dossier.not_found", "field.too_long"])
            let (status, _) = try await api.call("/v1/auth/login", .post, body: try JSONEncoder().encode(
                LoginRequest(login: huge, password: hostile, device: hostile)))
            XCTAssertEqual(status, .unauthorized)
            let (cursorStatus, _) = try await api.call("/v1/sync/pull?cursor=1%27%3BDROP", .get, token: token)
            XCTAssertEqual(cursorStatus, .badRequest)
        }
        let stored = try await fixture.store.read { tx in
            try await tx.first("SELECT last_name FROM dossiers WHERE id = ?", [.text(dossier)])?.string("last_name")
        }
        XCTAssertEqual(stored, hostile)
        let dossiers = try await fixture.count("SELECT COUNT(*) AS n FROM dossiers")
        XCTAssertEqual(dossiers, 4)
        await fixture.store.close()
    }

    static func malformedJSONGets400(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            for body in ["{", "[]", "{\"mutations\": [{\"id\": \"x\"}]}", "{\"mutations\": [{\"id\": 1, \"uuid\": \"u\", \"mutation\": {\"name\": \"dropTables\", \"payload\": {}}}]}"] {
                let (status, data) = try await api.call("/v1/sync/push", .post, token: token, body: Data(body.utf8))
                XCTAssertEqual(status, .badRequest, body)
                let error = try JSONDecoder().decode(ErrorBody.self, from: data)
                XCTAssertEqual(error.error, "bad_request")
                XCTAssertFalse(error.message.isEmpty)
            }
            let (loginStatus, _) = try await api.call("/v1/auth/login", .post, body: Data("not json".utf8))
            XCTAssertEqual(loginStatus, .badRequest)
        }
        await fixture.store.close()
    }

    static func absencesAreCheckedWithTheDomainRules(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        try await fixture.test { api in
            let token = try await api.login("time.cpas").accessToken
            let (_, push) = try await api.push(token, [
                .absence(1, dossier: dossier, from: "2026-02-02", to: "2026-02-04"),
                .absence(2, dossier: dossier, from: "2026-02-04", to: "2026-02-05"),
                .absence(3, dossier: dossier, type: "no_such_type", from: "2026-03-02", to: "2026-03-02"),
                .absence(5, dossier: dossier, from: "2026-03-09", to: "2026-03-09"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.applied, .rejected, .rejected, .gap])
            XCTAssertEqual(push?.results[1].reason, "absence.overlap")
            XCTAssertEqual(push?.results[2].reason, "absence.unknown_type")
            XCTAssertEqual(push?.lastMutationID, 3)
            // The time manager sees the record but not the IBAN in full.
            let (_, pull, _) = try await api.pull(token)
            let changes = try XCTUnwrap(pull).changes
            XCTAssertEqual(changes.filter { $0.entity == .timeRecord }.count, 1)
            XCTAssertEqual(try XCTUnwrap(pull).results.map(\.mutationID), [1, 2, 3])
            let checkpoint = try XCTUnwrap(push).checkpoint
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(pull).cursor, checkpoint)
        }
        await fixture.store.close()
    }

    static func compactedCursorGets410(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let head = try await fixture.count("SELECT seq AS n FROM sync_clock")
        try await Maintenance(store: fixture.store).compact(before: head)
        try await fixture.test { api in
            let token = try await api.login("clerk.ac").accessToken
            let (status, _, error) = try await api.pull(token, cursor: 0)
            XCTAssertEqual(status, .gone)
            XCTAssertEqual(error?.error, "cursor_too_old")
            let (ok, _, _) = try await api.pull(token, cursor: head - 1)
            XCTAssertEqual(ok, .ok)
        }
        await fixture.store.close()
    }

    static func loginsAreRateLimited(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend) { $0.maximumFailuresPerLogin = 3 }
        try await fixture.test { api in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 {
                let (status, _) = try await api.call("/v1/auth/login", .post, body: try JSONEncoder().encode(
                    LoginRequest(login: "clerk.ac", password: "wrong-password", device: "pc")))
                statuses.append(status)
            }
            XCTAssertEqual(statuses, [.unauthorized, .unauthorized, .unauthorized, .tooManyRequests])
        }
        let denied = try await fixture.count("SELECT COUNT(*) AS n FROM audit WHERE action = 'login' AND decision <> 'allowed'")
        XCTAssertEqual(denied, 4)
        await fixture.store.close()
    }

    static func writesAndGrantDecisionsAreAudited(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            _ = try await api.push(token, [.field(1, dossier: dossier, .address, old: nil, new: "Rue Haute 1, 1000 Bruxelles")])
        }
        let rows = try await fixture.store.read { tx in
            try await tx.query("SELECT * FROM audit WHERE action = 'updateDossierField'", [])
        }
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?.string("new_value"), "Rue Haute 1, 1000 Bruxelles")
        XCTAssertNotNil(rows.first?.string("device_id"))
        XCTAssertEqual(rows.first?.string("field"), "address")
        await fixture.store.close()
    }

    static func importValidatesEveryRowAndIsIdempotent(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let importer = DossierImport(store: fixture.store, configuration: fixture.configuration)
        let bad = """
            \(ServerFixture.csvHeader)
            B001,85.07.30-033.29,Dubois,Marie,1985-07-30,male,fr,statutory,C1,100,2010-01-01,,
            B002,85.07.30-033.28,Dubois,Marie,1985-07-30,male,xx,statutory,C1,100,2010-13-01,BE41091811735141,
            """
        do {
            _ = try await importer.run(csv: bad, employer: ServerFixture.commune)
            XCTFail("an invalid file must be refused")
        } catch let failure as DossierImport.Failure {
            XCTAssertEqual(failure.errors.count, 4, failure.description)
            XCTAssertTrue(failure.errors[0].hasPrefix("line 2: niss: "), failure.errors[0])
            XCTAssertTrue(failure.errors.contains { $0.hasPrefix("line 3: language: ") })
            XCTAssertTrue(failure.errors.contains { $0.hasPrefix("line 3: start_date: ") })
            XCTAssertTrue(failure.errors.contains { $0.hasPrefix("line 3: iban: ") })
        }
        let count = try await fixture.count("SELECT COUNT(*) AS n FROM dossiers")
        XCTAssertEqual(count, 4)
        let again = try await importer.run(csv: ServerFixture.communeCSV, employer: ServerFixture.commune)
        XCTAssertEqual(again, .init(inserted: 0, updated: 0, unchanged: 2))
        let lines = LinesBox()
        try await CSVExport(store: fixture.store).dossiers(employer: ServerFixture.commune) { lines.append($0) }
        XCTAssertEqual(lines.all.first, ServerFixture.csvHeader)
        XCTAssertEqual(lines.all.count, 3)
        let roundTrip = try await importer.run(csv: lines.all.joined(separator: "\n"), employer: ServerFixture.commune)
        XCTAssertEqual(roundTrip, .init(inserted: 0, updated: 0, unchanged: 2))
        await fixture.store.close()
    }

    static func liveServerAnswersOverASocket(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test(.live) { api in
            let (health, body) = try await api.call("/health", .get)
            XCTAssertEqual(health, .ok)
            XCTAssertTrue(String(decoding: body, as: UTF8.self).hasPrefix("ok"))
            let token = try await api.login("clerk.ac").accessToken
            let (status, pull, _) = try await api.pull(token)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(pull?.changes.filter { $0.entity == .dossier }.count, 2)
            let (metrics, text) = try await api.call("/metrics", .get)
            XCTAssertEqual(metrics, .ok)
            XCTAssertTrue(String(decoding: text, as: UTF8.self).contains("fiche_http_requests_total"))
            let (openapi, document) = try await api.call("/openapi.json", .get)
            XCTAssertEqual(openapi, .ok)
            XCTAssertTrue(String(decoding: document, as: UTF8.self).contains("\"openapi\""))
        }
        await fixture.store.close()
    }
}

/// Collects exported lines from a `@Sendable` callback.
final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
