import FicheTestSupport
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
        try await fixture.addDossierRecords("A001", at: ServerFixture.commune, suffix: "ac")
        try await fixture.addDossierRecords("S001", at: ServerFixture.cpas, suffix: "cpas")
        let dossierRecords: [SyncEntity: String] = [.careerPeriod: "car", .partner: "prt", .art60Contract: "a60",
                                                    .placement: "plc"]
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (status, pull, _) = try await api.pull(token)
            XCTAssertEqual(status, .ok)
            let changes = try XCTUnwrap(pull).changes
            XCTAssertFalse(changes.isEmpty)
            XCTAssertTrue(changes.allSatisfy { $0.scope == ServerFixture.cpas }, "\(changes.map(\.scope))")
            let snapshot = try await api.snapshot(token)
            XCTAssertEqual(snapshot.filter { $0.0 == .dossier }.count, 2)
            XCTAssertTrue(snapshot.allSatisfy { ($0.1["employer_code"] ?? nil) == ServerFixture.cpas })
            // The career and art. 60 rows: the CPAS's only, by pull and by snapshot.
            // (Besides the first career the import gave each of its two dossiers.)
            for (entity, prefix) in dossierRecords {
                let imported = entity == .careerPeriod ? 2 : 0
                let ids = changes.filter { $0.entity == entity }.map(\.id)
                XCTAssertTrue(ids.contains("\(prefix)-cpas"), "\(entity): \(ids)")
                XCTAssertEqual(ids.count, 1 + imported, "\(entity)")
                XCTAssertEqual(snapshot.filter { $0.0 == entity }.count, 1 + imported, "\(entity)")
            }
            // A time manager there sees the career, not the art. 60 file.
            let time = try await api.login("time.cpas").accessToken
            let (_, timePull, _) = try await api.pull(time)
            let timeEntities = Set(try XCTUnwrap(timePull).changes.map(\.entity))
            XCTAssertTrue(timeEntities.contains(.careerPeriod))
            XCTAssertTrue(timeEntities.isDisjoint(with: [.partner, .art60Contract, .placement]), "\(timeEntities)")
            // Reference rows too: only the CPAS's employer row, users and grants, never a password hash.
            for rows in [snapshot, changes.compactMap { change in change.row.map { (change.entity, $0) } }] {
                XCTAssertEqual(Set(rows.filter { $0.0 == .employer }.compactMap { $0.1["id"] ?? nil }), [ServerFixture.cpas])
                let logins = Set(rows.filter { $0.0 == .user }.compactMap { $0.1["login"] ?? nil })
                XCTAssertTrue(logins.contains("clerk.cpas"), "\(logins)")
                XCTAssertFalse(logins.contains("clerk.ac"), "\(logins)")
                XCTAssertFalse(rows.filter { $0.0 == .grant }.isEmpty)
                for (entity, row) in rows where [.employer, .user, .grant].contains(entity) {
                    XCTAssertTrue(Set(row.keys).isDisjoint(with: ["password_hash", "niss", "access_hash", "refresh_hash"]), "\(row.keys)")
                }
            }
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
            // Changing to the value already there is checked like any change: from a stale old
            // value it is a conflict too; from the current one, a no-op.
            let (_, c) = try await api.push(second, [.iban(2, dossier: dossier, old: "BE32123456789002", new: "BE68539007547034")])
            XCTAssertEqual(c?.results.first?.status, .conflict)
            XCTAssertEqual(c?.results.first?.serverValue, "BE68539007547034")
            let (_, d) = try await api.push(second, [.iban(3, dossier: dossier, old: "BE68539007547034", new: "BE68539007547034")])
            XCTAssertEqual(d?.results.first?.status, .applied)
            XCTAssertNil(d?.results.first?.seq)
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
            XCTAssertEqual(status, .contentTooLarge, "a sign-in body over 16 KiB is not even read")
            let (longLogin, _) = try await api.call("/v1/auth/login", .post, body: try JSONEncoder().encode(
                LoginRequest(login: String(repeating: "x", count: 5_000), password: hostile, device: hostile)))
            XCTAssertEqual(longLogin, .unauthorized)
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
            // A value the protocol's types cannot hold is refused whole, naming where it is.
            let dossier = try await fixture.dossierID("S002")
            func absence(_ field: String, _ value: String) -> String {
                var payload = ["record_id": "\"r-bad\"", "dossier_id": "\"\(dossier)\"", "kind": "\"absence\"",
                               "type": "\"annual_leave\"", "start": "\"2026-02-02\"", "end": "\"2026-02-02\""]
                payload[field] = value
                let fields = payload.keys.sorted().map { "\"\($0)\": \(payload[$0] ?? "null")" }.joined(separator: ", ")
                return #"{"mutations": [{"id": 1, "uuid": "u-bad", "mutation": {"name": "recordAbsence", "payload": {"# + fields + "}}}]}"
            }
            for (field, value) in [("kind", "\"holiday\""), ("start", "\"hier\""), ("day_part", "\"evening\""),
                                   ("status", "\"approved\""), ("end", "\"2026-02-30\"")] {
                let (status, data) = try await api.call("/v1/sync/push", .post, token: token, body: Data(absence(field, value).utf8))
                XCTAssertEqual(status, .badRequest, field)
                let error = try JSONDecoder().decode(ErrorBody.self, from: data)
                XCTAssertTrue(error.message.contains("payload.\(field)"), error.message)
            }
            let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records WHERE id = 'r-bad'")
            XCTAssertEqual(records, 0, "nothing of a refused request is applied")
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

    /// Polling at the head of the log leaves one audit row per device and decision, with how
    /// many times and until when, instead of a row per poll; a pull that moved, another device,
    /// and a changed grant are rows of their own.
    static func repeatedReadsAreAuditedOnceWithTheirCount(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let laptop = try await api.login("clerk.cpas", device: "laptop")
            let (_, first, _) = try await api.pull(laptop.accessToken)
            let head = try XCTUnwrap(first).cursor
            for _ in 0..<5 {
                fixture.clock.advance(seconds: 30)
                _ = try await api.pull(laptop.accessToken, cursor: head)
            }
            let desktop = try await api.login("clerk.cpas", device: "desktop")
            _ = try await api.pull(desktop.accessToken, cursor: head)
            try await fixture.accounts.grant(login: "clerk.cpas", employer: ServerFixture.commune, role: .payrollClerk)
            let (_, widened, _) = try await api.pull(laptop.accessToken, cursor: head)
            XCTAssertTrue(try XCTUnwrap(widened).changes.contains { $0.scope == ServerFixture.commune })

            await fixture.service.flushAudit()
            let rows = try await fixture.store.read { tx in
                try await tx.query("SELECT * FROM audit WHERE action = 'sync.pull' ORDER BY id", [])
            }
            let laptopRows = rows.filter { $0.string("device_id") == laptop.deviceID }
            XCTAssertEqual(laptopRows.map { $0.int("repeats") }, [1, 5, 1])
            XCTAssertEqual(laptopRows.map { $0.string("new_value") }, ["0→\(head)", "\(head)→\(head)", laptopRows.last?.string("new_value")])
            XCTAssertEqual(laptopRows.map { Set(($0.string("employer_code") ?? "").split(separator: ",").map(String.init)) },
                           [[ServerFixture.cpas], [ServerFixture.cpas], [ServerFixture.commune, ServerFixture.cpas]])
            let polls = try XCTUnwrap(laptopRows.dropFirst().first)
            XCTAssertNil(laptopRows.first?.string("last_at"), "a single read has no last time")
            XCTAssertLessThan(try XCTUnwrap(polls.string("at")), try XCTUnwrap(polls.string("last_at")),
                              "the first and the last of the five polls, two minutes apart")
            XCTAssertEqual(rows.filter { $0.string("device_id") == desktop.deviceID }.map { $0.int("repeats") }, [1])
        }
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
        let fixture = try await ServerFixture.make(backend) { $0.metricsToken = "metrics-token-of-the-test" }
        try await fixture.test(.live) { api in
            let (health, body) = try await api.call("/health", .get)
            XCTAssertEqual(health, .ok)
            XCTAssertTrue(String(decoding: body, as: UTF8.self).hasPrefix("ok"))
            let token = try await api.login("clerk.ac").accessToken
            let (status, pull, _) = try await api.pull(token)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(pull?.changes.filter { $0.entity == .dossier }.count, 2)
            let (anonymous, _) = try await api.call("/metrics", .get)
            XCTAssertEqual(anonymous, .unauthorized, "metrics need their token")
            let (wrongToken, _) = try await api.call("/metrics", .get, token: token)
            XCTAssertEqual(wrongToken, .unauthorized, "a user's token is not the metrics token")
            let (metrics, text) = try await api.call("/metrics", .get, token: "metrics-token-of-the-test")
            XCTAssertEqual(metrics, .ok)
            XCTAssertTrue(String(decoding: text, as: UTF8.self).contains("fiche_http_requests_total"))
            let (openapi, document) = try await api.call("/openapi.json", .get)
            XCTAssertEqual(openapi, .ok)
            XCTAssertTrue(String(decoding: document, as: UTF8.self).contains("\"openapi\""))
        }
        await fixture.store.close()
    }

    // MARK: Review, payroll months, art. 60, reveals, reassignment

    /// Adds `login` with `role` at each employer; `niss` links the account to its own staff dossier.
    static func addAccount(_ fixture: ServerFixture, _ login: String, _ role: Role, at employers: [String],
                           niss: String? = nil) async throws {
        try await fixture.accounts.addUser(login: login, displayName: login, password: ServerFixture.password, niss: niss)
        for employer in employers { try await fixture.accounts.grant(login: login, employer: employer, role: role) }
    }

    static func status(_ fixture: ServerFixture, _ record: String) async throws -> [String?] {
        try await fixture.store.read { tx in
            let row = try await tx.first("SELECT status, reviewed_by, rejection_reason FROM time_records WHERE id = ?", [.text(record)])
            return [row?.string("status"), row?.string("reviewed_by"), row?.string("rejection_reason")]
        }
    }

    static func review(_ id: Int64, _ record: String, _ decision: ReviewDecision) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .reviewTimeRecord(
            ReviewTimeRecord(recordID: record, decision: decision)))
    }

    static func reviewFollowsTheFourEyesRule(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let s001 = try await fixture.dossierID("S001")
        let s002 = try await fixture.dossierID("S002")
        // The supervisor is also staff: S002 (NISS 17.07.30-033.84) is their own dossier.
        try await addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas], niss: "17073003384")
        try await fixture.test { api in
            let time = try await api.login("time.cpas").accessToken
            let sup = try await api.login("sup.cpas").accessToken
            let clerk = try await api.login("clerk.cpas").accessToken
            let (_, entered) = try await api.push(time, [
                .absence(1, dossier: s001, record: "r-a", from: "2026-02-02", to: "2026-02-02", status: .submitted),
                .absence(2, dossier: s001, record: "r-b", from: "2026-02-03", to: "2026-02-03", status: .submitted),
                .absence(3, dossier: s002, record: "r-own-dossier", from: "2026-02-02", to: "2026-02-02", status: .submitted),
                .absence(4, dossier: s002, record: "r-self-validated", from: "2026-02-04", to: "2026-02-04", status: .validated),
                .absence(5, dossier: s002, record: "r-draft", from: "2026-02-05", to: "2026-02-05"),
            ])
            XCTAssertEqual(entered?.results.map(\.status), [.applied, .applied, .applied, .rejected, .applied])
            XCTAssertEqual(entered?.results[3].reason, "time.status", "only a reviewer validates")
            let (_, own) = try await api.push(sup, [.absence(1, dossier: s001, record: "r-own-entry", from: "2026-02-05",
                                                             to: "2026-02-05", status: .submitted)])
            XCTAssertEqual(own?.results.first?.status, .applied)

            let (_, denied) = try await api.push(clerk, [review(1, "r-a", .approve)])
            XCTAssertEqual(denied?.results.first?.reason, "access.denied")
            let (_, reviewed) = try await api.push(sup, [
                review(2, "r-a", .approve),
                review(3, "r-own-entry", .approve),
                review(4, "r-own-dossier", .approve),
                review(5, "r-b", .reject(reason: "  ")),
                review(6, "r-b", .reject(reason: "Wrong day")),
                review(7, "r-a", .reject(reason: "Changed my mind")),
            ])
            XCTAssertEqual(reviewed?.results.map(\.status), [.applied, .rejected, .rejected, .rejected, .applied, .conflict])
            XCTAssertEqual(reviewed?.results.map(\.reason),
                           [nil, "four_eyes.own_entry", "four_eyes.own_dossier", "status.reason_missing", nil, "record.reviewed"])
            XCTAssertEqual(reviewed?.results.last?.serverValue, "validated")
            // The time manager pulls the decisions.
            let (_, pull, _) = try await api.pull(time)
            let rows = try XCTUnwrap(pull).changes.filter { $0.entity == .timeRecord }
            let reviewedA = try XCTUnwrap(rows.last { $0.id == "r-a" }?.row)
            XCTAssertEqual(reviewedA["status"] ?? nil, "validated")
            XCTAssertNotNil(reviewedA["reviewed_by"] ?? nil)
            XCTAssertEqual(rows.last { $0.id == "r-b" }?.row?["rejection_reason"] ?? nil, "Wrong day")
        }
        let a = try await status(fixture, "r-a")
        XCTAssertEqual(a.first, "validated")
        let b = try await status(fixture, "r-b")
        XCTAssertEqual(b.first, "rejected")
        XCTAssertEqual(b.last, "Wrong day")
        for record in ["r-own-entry", "r-own-dossier"] {
            let untouched = try await status(fixture, record)
            XCTAssertEqual(untouched, ["submitted", nil, nil])
        }
        let draft = try await status(fixture, "r-draft")
        XCTAssertEqual(draft.first, "draft", "a draft stays its author's")
        await fixture.store.close()
    }

    static func closedMonthReachesEveryDeviceAndLocksIt(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let s002 = try await fixture.dossierID("S002")
        try await addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas])
        let close: @Sendable (Int64) -> PendingMutation = { id in
            PendingMutation(id: id, uuid: UUID().uuidString, mutation: .closePayrollMonth(
                ClosePayrollMonth(employerCode: ServerFixture.cpas, month: "2026-02")))
        }
        try await fixture.test { api in
            let time = try await api.login("time.cpas").accessToken
            let sup = try await api.login("sup.cpas").accessToken
            let clerk = try await api.login("clerk.cpas").accessToken
            let communeClerk = try await api.login("clerk.ac").accessToken
            _ = try await api.push(time, [.absence(1, dossier: s002, record: "r-feb", from: "2026-02-02", to: "2026-02-02",
                                                   status: .submitted)])
            let (_, waiting) = try await api.push(sup, [close(1)])
            XCTAssertEqual(waiting?.results.first?.status, .rejected)
            XCTAssertEqual(waiting?.results.first?.reason, "month.submitted_records")
            let (_, notAllowed) = try await api.push(clerk, [close(1)])
            XCTAssertEqual(notAllowed?.results.first?.reason, "access.denied")
            let (_, closed) = try await api.push(sup, [review(2, "r-feb", .approve), close(3), close(4)])
            XCTAssertEqual(closed?.results.map(\.status), [.applied, .applied, .applied])
            XCTAssertNotNil(closed?.results[1].seq)
            XCTAssertNil(closed?.results[2].seq, "closing a closed month changes nothing")
            // Every device of the CPAS pulls the closed month, and a fresh copy has it too.
            let (_, pull, _) = try await api.pull(time)
            let month = try XCTUnwrap(pull?.changes.first { $0.entity == .payrollMonth })
            XCTAssertEqual(month.id, "CPAS-T/2026-02")
            XCTAssertEqual(month.row?["status"] ?? nil, "closed")
            let snapshot = try await api.snapshot(clerk).filter { $0.0 == .payrollMonth }
            XCTAssertEqual(snapshot.map { $0.1["id"] ?? nil }, ["CPAS-T/2026-02"])
            XCTAssertEqual(snapshot.first?.1["status"] ?? nil, "closed")
            let (_, communePull, _) = try await api.pull(communeClerk)
            XCTAssertFalse(try XCTUnwrap(communePull).changes.contains { $0.entity == .payrollMonth })
            // The month is locked now.
            let (_, late) = try await api.push(time, [.absence(2, dossier: s002, from: "2026-02-09", to: "2026-02-09")])
            XCTAssertEqual(late?.results.first?.reason, "month.closed")
        }
        let audited = try await fixture.count("SELECT COUNT(*) AS n FROM audit WHERE action = 'closePayrollMonth' AND new_value = 'closed'")
        XCTAssertEqual(audited, 1)
        await fixture.store.close()
    }

    static func art60RevealAndReassignmentFollowTheirRights(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let s001 = try await fixture.dossierID("S001")
        let a001 = try await fixture.dossierID("A001")
        try await addAccount(fixture, "art60.officer", .art60Officer, at: [ServerFixture.cpas, ServerFixture.commune])
        try await addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas])
        @Sendable func event(_ id: Int64, _ dossier: String, _ eventID: String = UUID().uuidString) -> PendingMutation {
            PendingMutation(id: id, uuid: UUID().uuidString, mutation: .recordArt60Event(RecordArt60Event(
                eventID: eventID, contractID: "c-1", dossierID: dossier, date: "2026-03-02", kind: .partnerEvaluation,
                note: "Bonne intégration")))
        }
        @Sendable func reveal(_ id: Int64, _ field: RevealedField) -> PendingMutation {
            PendingMutation(id: id, uuid: UUID().uuidString, mutation: .recordReveal(RecordReveal(dossierID: s001, field: field)))
        }
        try await fixture.test { api in
            let officer = try await api.login("art60.officer").accessToken
            let clerk = try await api.login("clerk.cpas").accessToken
            let time = try await api.login("time.cpas").accessToken
            let sup = try await api.login("sup.cpas").accessToken
            let auditor = try await api.login("auditor").accessToken
            let (_, events) = try await api.push(officer, [event(1, s001, "ev-1"), event(2, a001), event(3, s001, "ev-1")])
            XCTAssertEqual(events?.results.map(\.status), [.applied, .rejected, .rejected])
            XCTAssertEqual(events?.results.map(\.reason), [nil, "art60.not_cpas", "art60_event.exists"])
            let (_, clerkEvent) = try await api.push(clerk, [event(1, s001)])
            XCTAssertEqual(clerkEvent?.results.first?.reason, "access.denied")
            // The follow-up cell's log reaches those who may see art. 60 files, not the time manager.
            let (_, auditorPull, _) = try await api.pull(auditor)
            XCTAssertEqual(try XCTUnwrap(auditorPull).changes.filter { $0.entity == .art60Event }.map(\.id), ["ev-1"])
            let (_, timePull, _) = try await api.pull(time)
            XCTAssertFalse(try XCTUnwrap(timePull).changes.contains { $0.entity == .art60Event })

            let (_, reveals) = try await api.push(clerk, [reveal(2, .niss), reveal(3, .iban)])
            XCTAssertEqual(reveals?.results.map(\.status), [.applied, .applied])
            let (_, timeReveal) = try await api.push(time, [reveal(1, .niss)])
            XCTAssertEqual(timeReveal?.results.first?.reason, "access.denied")

            let reassign: @Sendable (Int64) -> PendingMutation = { id in
                PendingMutation.field(id, dossier: s001, .payrollClerk, old: "clerk.cpas", new: "clerk2.cpas")
            }
            let (_, byClerk) = try await api.push(clerk, [reassign(4)])
            XCTAssertEqual(byClerk?.results.first?.reason, "access.denied")
            let (_, bySupervisor) = try await api.push(sup, [reassign(1)])
            XCTAssertEqual(bySupervisor?.results.first?.status, .applied)
        }
        let reads = try await fixture.store.read { tx in
            try await tx.query("SELECT field, decision FROM audit WHERE action = 'recordReveal' ORDER BY id", [])
                .map { "\($0.string("field") ?? "") \($0.string("decision") ?? "")" }
        }
        XCTAssertEqual(reads, ["niss allowed", "iban allowed", "niss denied access.denied"])
        let clerkNow = try await fixture.store.read { tx in
            try await tx.first("SELECT payroll_clerk FROM dossiers WHERE id = ?", [.text(s001)])?.string("payroll_clerk")
        }
        XCTAssertEqual(clerkNow, "clerk2.cpas")
        let stored = try await fixture.count("SELECT COUNT(*) AS n FROM art60_events")
        XCTAssertEqual(stored, 1)
        await fixture.store.close()
    }
}

extension AuthorizationMatrix {
    /// A store migrated before the career and art. 60 tables existed gains them at the next
    /// `migrate()`, its dossiers kept, and they can be written and pulled.
    static func migrationAddsTheDossierRecordTables(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.store.write { tx in
            for table in ["placements", "partners", "art60_contracts", "career_periods"] {
                try await tx.execute("DROP TABLE \(table)")
            }
        }
        try await fixture.store.migrate()
        try await fixture.addDossierRecords("S001", at: ServerFixture.cpas, suffix: "cpas")
        let dossiers = try await fixture.count("SELECT COUNT(*) AS n FROM dossiers")
        XCTAssertEqual(dossiers, 4)
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (_, pull, _) = try await api.pull(token)
            // (The careers the import wrote before the tables were dropped are in the log too.)
            let ids = try XCTUnwrap(pull).changes.filter { [.careerPeriod, .partner, .art60Contract, .placement].contains($0.entity) }
                .map(\.id).filter { $0.hasSuffix("-cpas") }
            XCTAssertEqual(ids, ["car-cpas", "prt-cpas", "a60-cpas", "plc-cpas"])
        }
        await fixture.store.close()
    }
}

extension AuthorizationMatrix {
    /// `seed-demo` writes the commune and CPAS of `fiche demo` (AC-IXL, CPAS-IXL) with its demo
    /// accounts; each account receives its own employers' rows only, art. 60 files where it may
    /// see them; a second seed is refused and changes nothing.
    static func demoSeedGivesEachAccountItsEmployers(_ backend: TestStore) async throws {
        let store = try await backend.open()
        var configuration = ServerConfiguration()
        let clock = TestClock()
        configuration.now = { clock.now }
        configuration.bcryptCost = 4
        let seed = DemoSeed(store: store, configuration: configuration)
        let lines = try await seed.run(dossiers: 30)
        XCTAssertEqual(lines, ["employers: AC-IXL, CPAS-IXL", "dossiers: 30",
                               "users (password demo-password): supervisor, clerk, time-manager, art60, clerk-cpas"])
        let dossiers = try await store.read { tx in try await tx.first("SELECT COUNT(*) AS n FROM dossiers")?.int("n") }
        XCTAssertEqual(dossiers, 30)
        do {
            _ = try await seed.run(dossiers: 30)
            XCTFail("a second seed must be refused")
        } catch let error as CommandError {
            XCTAssertEqual(error.description, "the demo employers already exist; use an empty database")
        }
        let after = try await store.read { tx in try await tx.first("SELECT COUNT(*) AS n FROM dossiers")?.int("n") }
        XCTAssertEqual(after, 30)
        let service = try await SyncService(store: store, configuration: configuration)
        let app = Application(router: ServerApplication.router(service: service),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.router) { client in
            let api = APIClient(client: client)
            let expected: [(String, Set<String>, Bool)] = [
                ("supervisor", ["AC-IXL", "CPAS-IXL"], true), ("clerk", ["AC-IXL"], false),
                ("clerk-cpas", ["CPAS-IXL"], true), ("time-manager", ["CPAS-IXL"], false), ("art60", ["CPAS-IXL"], true),
            ]
            for (login, employers, art60) in expected {
                let token = try await api.login(login, password: DemoSeed.password, device: login).accessToken
                let rows = try await api.snapshot(token, limit: 5000, pages: 100)
                XCTAssertEqual(Set(rows.compactMap { $0.1["employer_code"] ?? nil }), employers, login)
                let entities = Set(rows.map(\.0))
                XCTAssertTrue(entities.isSuperset(of: [.dossier, .careerPeriod, .timeRecord, .payrollMonth]), "\(login) \(entities)")
                XCTAssertEqual(entities.isSuperset(of: [.partner, .art60Contract, .placement, .art60Event]), art60,
                               "\(login) \(entities)")
                // The log starts after the seed: an older cursor takes a snapshot.
                let (status, _, error) = try await api.pull(token, cursor: 0)
                XCTAssertEqual(status, .gone)
                XCTAssertEqual(error?.error, "cursor_too_old")
            }
        }
        await store.close()
    }
}

/// Collects exported lines from a `@Sendable` callback.
final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
