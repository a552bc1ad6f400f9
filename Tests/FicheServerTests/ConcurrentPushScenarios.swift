import FicheTestSupport
import FicheDomain
@testable import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// Many devices pushing at the same time (their pushes are committed together), written once
/// and run by `SQLiteServerTests` and `PostgresServerTests` against each store.
enum ConcurrentPushScenarios {
    static let deviceCount = 40
    static let clerks = ["clerk.cpas", "clerk2.cpas"]

    /// 40 devices push at once: three absences each (a week each, weeks of their own), one
    /// absence all on the same day (only the first can be applied) and, for the payroll clerks,
    /// an IBAN change from the same old value (only the first applies, the others are
    /// conflicts). Every tenth device sends its push twice at the same time. Every mutation is
    /// applied exactly once, each answer says so, and the change log has no gap.
    static func concurrentPushesApplyEachMutationOnce(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend) { $0.maximumAttemptsPerAddress = 1_000 }
        let dossier = try await fixture.dossierID("S001")
        let oldIBAN = "BE32123456789002"
        let monday = try LocalDate.parse("2030-01-07")
        let sharedDay: LocalDate = "2029-06-04"
        let firstSeq = try await fixture.store.read { tx in try await tx.first("SELECT seq FROM sync_clock")?.int("seq") } ?? 0

        struct Device: Sendable {
            var login: String
            var token: String
            var mutations: [PendingMutation]
            var replayed: Bool
        }
        let devices = try await fixture.test { api in
            var devices: [Device] = []
            for n in 0..<deviceCount {
                let login = n % 3 == 2 ? "time.cpas" : clerks[n % 3]
                let token = try await api.login(login, device: "pc-\(n)").accessToken
                var mutations = (0..<3).map { week in
                    let start = monday.adding(days: 7 * (3 * n + week))
                    return PendingMutation.absence(Int64(week + 1), dossier: dossier, from: start,
                                                   to: start.adding(days: 4))
                }
                mutations.append(.absence(4, dossier: dossier, from: sharedDay, to: sharedDay))
                if clerks.contains(login) {
                    mutations.append(.iban(5, dossier: dossier, old: oldIBAN, new: IBAN.belgian(account: 1_000 + n)))
                }
                devices.append(Device(login: login, token: token, mutations: mutations, replayed: n % 10 == 0))
            }
            return devices
        }
        let answers = try await fixture.test { api in
            try await withThrowingTaskGroup(of: (Int, PushResponse?).self) { group in
                for (index, device) in devices.enumerated() {
                    for _ in 0..<(device.replayed ? 2 : 1) {
                        group.addTask {
                            let (status, response) = try await api.push(device.token, device.mutations)
                            XCTAssertEqual(status, .ok)
                            return (index, response)
                        }
                    }
                }
                var byDevice = Array(repeating: [PushResponse?](), count: devices.count)
                for try await (index, response) in group { byDevice[index].append(response) }
                return Array(zip(devices, byDevice))
            }
        }

        var applied: [Int64] = []
        var sharedDayApplied = 0
        var ibanApplied = 0
        for (device, responses) in answers {
            let first = try XCTUnwrap(responses.first ?? nil)
            XCTAssertEqual(first.results.map(\.mutationID), device.mutations.map(\.id), "one result per mutation, in order")
            XCTAssertEqual(first.lastMutationID, device.mutations.last?.id)
            for result in first.results.prefix(3) {
                XCTAssertEqual(result.status, .applied, "\(device.login): \(result.reason ?? "")")
            }
            let shared = first.results[3]
            if shared.status == .applied {
                sharedDayApplied += 1
            } else {
                XCTAssertEqual(shared.status, .rejected)
                XCTAssertEqual(shared.reason, "absence.overlap")
            }
            if first.results.count > 4 {
                let iban = first.results[4]
                if iban.status == .applied {
                    ibanApplied += 1
                } else {
                    XCTAssertEqual(iban.status, .conflict)
                    XCTAssertEqual(iban.reason, "field.changed")
                }
            }
            applied += first.results.filter { $0.status == .applied }.compactMap(\.seq)
            if device.replayed {
                XCTAssertEqual(responses.count, 2)
                XCTAssertEqual(responses.last ?? nil, first, "the same push twice gets the same answer")
            }
            XCTAssertEqual(first.checkpoint, first.results.compactMap(\.seq).max())
        }
        XCTAssertEqual(sharedDayApplied, 1, "one absence on the shared day, whoever came first")
        XCTAssertEqual(ibanApplied, 1, "one IBAN change from the old value; the others see it changed")

        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, Int64(deviceCount * 3 + 1), "every absence applied exactly once")
        let mutations = try await fixture.count("SELECT COUNT(*) AS n FROM mutations")
        XCTAssertEqual(mutations, Int64(answers.reduce(0) { $0 + $1.0.mutations.count }))
        let logged = try await fixture.store.read { tx in
            try await tx.query("SELECT seq, mutation FROM change_log WHERE seq > ? ORDER BY seq", [.int(firstSeq)])
        }
        let sequences = logged.compactMap { $0.int("seq") }
        XCTAssertEqual(sequences, Array((firstSeq + 1)...(firstSeq + Int64(sequences.count))), "the change log has no gap")
        XCTAssertEqual(sequences.sorted(), applied.sorted(), "each applied change is logged once, under its answer's sequence")
        let head = try await fixture.store.read { tx in try await tx.first("SELECT seq FROM sync_clock")?.int("seq") }
        XCTAssertEqual(head, sequences.last)
        await fixture.store.close()
    }

    /// Pushes committed together, one of which fails in the store: the shared transaction is
    /// rolled back, each push runs again alone, and only the failing one is refused.
    /// A push round moves the auth generation (its devices' last mutation ids); callers read
    /// before it stay in use after it, with the pusher's new id, and a revocation after it is
    /// still refused at the next request.
    static func cachedCallersFollowAPushRound(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        try await fixture.test { api in
            let pusher = try await api.login("clerk.cpas", device: "laptop")
            let other = try await api.login("clerk2.cpas", device: "desktop")
            for token in [pusher.accessToken, other.accessToken, pusher.accessToken, other.accessToken] {
                let (status, _, _) = try await api.pull(token, cursor: 1_000_000)
                XCTAssertEqual(status, .ok)
            }
            let (status, pushed) = try await api.push(pusher.accessToken, [
                .field(1, dossier: dossier, .address, old: nil, new: "Rue Haute 1, 1000 Bruxelles"),
            ])
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(pushed?.results.first?.status, .applied)

            let generation = try await fixture.count("SELECT value AS n FROM auth_generation WHERE id = 1")
            let callers = fixture.service.authenticator.callers
            XCTAssertEqual(callers.entry(forTokenHash: Secrets.hash(other.accessToken))?.generation, generation,
                           "the other device's caller is still used after the push")
            XCTAssertEqual(callers.entry(forTokenHash: Secrets.hash(pusher.accessToken))?.caller.lastMutationID, 1)
            let (_, pulled, _) = try await api.pull(pusher.accessToken, cursor: 1_000_000)
            XCTAssertEqual(pulled?.lastMutationID, 1, "the pusher's next pull knows the server holds its mutation")

            try await fixture.accounts.revokeDevice(id: other.deviceID)
            let (revoked, _, error) = try await api.pull(other.accessToken, cursor: 1_000_000)
            XCTAssertEqual(revoked, .unauthorized)
            XCTAssertEqual(error?.error, "device_revoked")
        }
        await fixture.store.close()
    }

    static func storeFailureInARoundFailsOnlyItsPush(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend) { $0.maximumAttemptsPerAddress = 1_000 }
        let dossier = try await fixture.dossierID("S001")
        let monday = try LocalDate.parse("2031-01-06")
        let faulty = FaultyStore(wrapping: fixture.store, failingOn: "poisoned-record")
        let service = try await SyncService(store: faulty, configuration: fixture.configuration)
        let tokens = try await fixture.test { api in
            var tokens: [String] = []
            for n in 0..<8 { tokens.append(try await api.login("clerk.cpas", device: "pc-\(n)").accessToken) }
            return tokens
        }
        var round: [(request: PushRequest, caller: Caller)] = []
        for (n, token) in tokens.enumerated() {
            let caller = try await service.authenticator.authenticate(authorization: "Bearer \(token)")
            let day = monday.adding(days: 7 * n)
            let record = n == 5 ? "poisoned-record" : UUID().uuidString
            round.append((PushRequest(mutations: [
                .absence(1, dossier: dossier, from: day, to: day),
                .absence(2, dossier: dossier, record: record, from: monday.adding(days: 7 * n + 1),
                         to: monday.adding(days: 7 * n + 1)),
            ]), caller))
        }
        let firstSeq = try await fixture.store.read { tx in try await tx.first("SELECT seq FROM sync_clock")?.int("seq") } ?? 0

        let results = await service.pushProcessor.pushTogether(round)

        XCTAssertEqual(results.count, round.count)
        XCTAssertGreaterThan(faulty.failures, 1, "the shared transaction failed, then the push alone")
        for (n, result) in results.enumerated() {
            switch result {
            case .success(let response) where n == 5:
                XCTAssertEqual(response.results.map(\.status), [.applied], "the first mutation alone, the failing one not acknowledged")
            case .success(let response):
                XCTAssertEqual(response.results.map(\.status), [.applied, .applied], "push \(n)")
                XCTAssertEqual(response.lastMutationID, 2)
            case .failure(let error):
                XCTFail("push \(n) failed: \(error)")
            }
        }
        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, Int64(round.count * 2 - 1), "nothing applied twice, nothing of the failing mutation")
        let poisoned = try await fixture.count("SELECT COUNT(*) AS n FROM time_records WHERE id = 'poisoned-record'")
        XCTAssertEqual(poisoned, 0)
        let sequences = try await fixture.store.read { tx in
            try await tx.query("SELECT seq FROM change_log WHERE seq > ? ORDER BY seq", [.int(firstSeq)]).compactMap { $0.int("seq") }
        }
        XCTAssertEqual(sequences, Array((firstSeq + 1)...(firstSeq + records)), "the change log has no gap")

        // The device whose push failed sends it again once the store is well: the first entry is
        // answered as before, the second is applied now.
        let retried = try await SyncService(store: fixture.store, configuration: fixture.configuration)
            .pushProcessor.push(round[5].request, caller: round[5].caller)
        XCTAssertEqual(retried.results.map(\.status), [.applied, .applied])
        XCTAssertEqual(retried.results.first?.seq, try results[5].get().results.first?.seq, "not applied twice")
        let afterRetry = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(afterRetry, records + 1)
        await fixture.store.close()
    }

    /// New records of a round are written together, before the round's next mutation of
    /// another kind: a supervisor's review committed in the same round as the entry finds the
    /// record, and a second entry on the same day in that round is refused as overlapping, as is
    /// one on a day another dossier of the round already had.
    static func aRoundSeesTheRecordsItEnters(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        try await AuthorizationMatrix.addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas])
        let other = try await fixture.dossierID("S002")
        let (time, sup) = try await fixture.test { api in
            // Already on the server before the round: S002 is absent on 1 June.
            let (_, stored) = try await api.push(try await api.login("time.cpas", device: "desk").accessToken, [
                .absence(1, dossier: other, from: "2026-06-01", to: "2026-06-01"),
            ])
            XCTAssertEqual(stored?.results.map(\.status), [.applied])
            return (try await api.login("time.cpas").accessToken, try await api.login("sup.cpas").accessToken)
        }
        let authenticator = fixture.service.authenticator
        let round: [(request: PushRequest, caller: Caller)] = [
            (PushRequest(mutations: [
                .absence(1, dossier: dossier, record: "r-entered", from: "2026-02-02", to: "2026-02-02", status: .submitted),
                .absence(2, dossier: dossier, record: "r-same-day", from: "2026-02-02", to: "2026-02-02"),
                .absence(3, dossier: other, record: "r-stored-day", from: "2026-06-01", to: "2026-06-01"),
            ]), try await authenticator.authenticate(authorization: "Bearer \(time)")),
            (PushRequest(mutations: [AuthorizationMatrix.review(1, "r-entered", .approve)]),
             try await authenticator.authenticate(authorization: "Bearer \(sup)")),
        ]
        let firstSeq = try await fixture.store.read { tx in try await tx.first("SELECT seq FROM sync_clock")?.int("seq") } ?? 0

        let results = await fixture.service.pushProcessor.pushTogether(round)

        let entered = try results[0].get().results
        XCTAssertEqual(entered.map(\.status), [.applied, .rejected, .rejected])
        XCTAssertEqual(entered.map(\.reason), [nil, "absence.overlap", "absence.overlap"],
                       "overlapping the round's own entry, and the record another dossier already had that day")
        XCTAssertEqual(try results[1].get().results.map(\.status), [.applied], "the review found the record entered before it")
        let status = try await AuthorizationMatrix.status(fixture, "r-entered")
        XCTAssertEqual(status.first, "validated")
        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, 2)
        let sequences = try await fixture.store.read { tx in
            try await tx.query("SELECT seq FROM change_log WHERE seq > ? ORDER BY seq", [.int(firstSeq)]).compactMap { $0.int("seq") }
        }
        XCTAssertEqual(sequences, [firstSeq + 1, firstSeq + 2], "the entry and its review, in order")
        await fixture.store.close()
    }
}
