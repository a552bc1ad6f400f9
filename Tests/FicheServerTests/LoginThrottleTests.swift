@testable import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// Password guessing is slowed down, on both stores, without anyone being able to lock a
/// colleague out: the reproductions of the hardening review, each a test.
final class LoginThrottleTests: XCTestCase {
    func testConcurrentWrongPasswordsMeetTheLimitSQLite() async throws { try await Self.concurrentWrongPasswordsMeetTheLimit(.sqlite) }
    func testConcurrentWrongPasswordsMeetTheLimitPostgres() async throws { try await Self.concurrentWrongPasswordsMeetTheLimit(.postgres) }
    func testAColleagueNeverLocksTheOwnerOutSQLite() async throws { try await Self.aColleagueNeverLocksTheOwnerOut(.sqlite) }
    func testAColleagueNeverLocksTheOwnerOutPostgres() async throws { try await Self.aColleagueNeverLocksTheOwnerOut(.postgres) }
    func testSuccessfulLoginsDoNotCountAgainstTheirAddressSQLite() async throws { try await Self.successesDoNotCount(.sqlite) }
    func testSuccessfulLoginsDoNotCountAgainstTheirAddressPostgres() async throws { try await Self.successesDoNotCount(.postgres) }
    func testCountersHoldAcrossARestartSQLite() async throws { try await Self.countersHoldAcrossARestart(.sqlite) }
    func testCountersHoldAcrossARestartPostgres() async throws { try await Self.countersHoldAcrossARestart(.postgres) }

    /// The pauses the server would have slept (recorded, not slept).
    final class Pauses: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func append(_ seconds: Double) { lock.withLock { values.append(seconds) } }
        var all: [Double] { lock.withLock { values } }
    }

    static func wrong(_ login: String = "clerk.cpas") throws -> Data {
        try JSONEncoder().encode(LoginRequest(login: login, password: "wrong-password", device: "pc"))
    }

    static func right(_ login: String = "clerk.cpas", device: String? = nil) throws -> Data {
        try JSONEncoder().encode(LoginRequest(login: login, password: ServerFixture.password, device: "pc", deviceID: device))
    }

    /// Headers of a request the trusted proxy forwards from `client`.
    static func from(_ client: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[ServerApplication.forwardedFor] = client
        return headers
    }

    /// Twelve wrong passwords at once for one login: the attempts are counted before the
    /// password is checked, so five reach it and seven are refused.
    static func concurrentWrongPasswordsMeetTheLimit(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let statuses = try await fixture.test { api in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await api.call("/v1/auth/login", .post, body: try wrong()).0 }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
        }
        XCTAssertEqual(statuses.filter { $0 == .unauthorized }.count, 5, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == .tooManyRequests }.count, 7, "\(statuses)")
        await fixture.store.close()
    }

    /// Wrong passwords typed at another desk (behind the trusted proxy, another client address)
    /// slow the owner's login down by at most a minute and never refuse it; a computer the owner
    /// already signed in does not wait at all. The colleague's own desk is refused.
    static func aColleagueNeverLocksTheOwnerOut(_ backend: TestStore) async throws {
        let pauses = Pauses()
        let fixture = try await ServerFixture.make(backend) { configuration in
            configuration.trustedProxies = [try! IPNetwork.parse("127.0.0.0/8")]
            configuration.pause = { pauses.append($0) }
        }
        try await fixture.test(.live) { api in
            let (first, data) = try await api.call("/v1/auth/login", .post, body: try right(), headers: from("10.0.0.7"))
            XCTAssertEqual(first, .ok)
            let device = try JSONDecoder().decode(TokenResponse.self, from: data).deviceID
            var colleague: [HTTPResponse.Status] = []
            for _ in 0..<6 {
                colleague.append(try await api.call("/v1/auth/login", .post, body: try wrong(), headers: from("10.0.0.66")).0)
            }
            XCTAssertEqual(colleague, Array(repeating: .unauthorized, count: 5) + [.tooManyRequests], "the guesser's desk is refused")
            // Then from twenty desks more, a few tries each.
            for desk in 1...20 {
                for _ in 0..<3 { _ = try await api.call("/v1/auth/login", .post, body: try wrong(), headers: from("10.0.1.\(desk)")) }
            }
            pauses.append(-1)  // a marker: the owner's attempts come after it
            let (owner, _) = try await api.call("/v1/auth/login", .post, body: try right(), headers: from("10.0.0.8"))
            XCTAssertEqual(owner, .ok, "the owner's password is taken from their desk")
            let ownerPauses = pauses.all.drop { $0 != -1 }.dropFirst()
            XCTAssertEqual(ownerPauses.count, 1)
            XCTAssertLessThanOrEqual(ownerPauses.first ?? 0, 60, "slowed down, for a minute at the most")
            XCTAssertGreaterThan(pauses.all.max() ?? 0, 30, "the guessing was slowed down")
            for desk in 1...20 {
                for _ in 0..<3 { _ = try await api.call("/v1/auth/login", .post, body: try wrong(), headers: from("10.0.2.\(desk)")) }
            }
            pauses.append(-2)
            let (known, _) = try await api.call("/v1/auth/login", .post, body: try right(device: device), headers: from("10.0.0.9"))
            XCTAssertEqual(known, .ok)
            XCTAssertEqual(Array(pauses.all.drop { $0 != -2 }.dropFirst()), [], "a computer already signed in does not wait")
        }
        await fixture.store.close()
    }

    /// Forty successful logins from one address (a reverse proxy, an office router) and a few
    /// mistyped logins: nobody behind it is refused.
    static func successesDoNotCount(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend) { $0.maximumAttemptsPerAddress = 30 }
        try await fixture.test { api in
            for index in 0..<40 {
                let login = ["clerk.ac", "clerk.cpas", "clerk2.cpas", "time.cpas"][index % 4]
                let (status, _) = try await api.call("/v1/auth/login", .post, body: try right(login))
                XCTAssertEqual(status, .ok, "login \(index + 1) from the shared address")
                if index % 4 == 0 { _ = try await api.call("/v1/auth/login", .post, body: try wrong("nobody.\(index)")) }
            }
            let (auditor, _) = try await api.call("/v1/auth/login", .post, body: try right("auditor"))
            XCTAssertEqual(auditor, .ok)
        }
        await fixture.store.close()
    }

    /// The counters are in the database: a restarted server (or another instance on the same
    /// database) still refuses the guesser.
    static func countersHoldAcrossARestart(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            for _ in 0..<5 {
                let (status, _) = try await api.call("/v1/auth/login", .post, body: try wrong())
                XCTAssertEqual(status, .unauthorized)
            }
        }
        let restarted = try await SyncService(store: fixture.store, configuration: fixture.configuration)
        let app = Application(router: ServerApplication.router(service: restarted),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.router) { client in
            let (status, data) = try await APIClient(client: client).call("/v1/auth/login", .post, body: try wrong())
            XCTAssertEqual(status, .tooManyRequests)
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: data).error, "rate_limited")
        }
        fixture.clock.advance(seconds: 31)
        try await app.test(.router) { client in
            let (status, _) = try await APIClient(client: client).call("/v1/auth/login", .post, body: try right())
            XCTAssertEqual(status, .ok, "after the refusal's 30 s the right password is taken")
        }
        await fixture.store.close()
    }

    func testTheClientAddressIsThePeerUnlessATrustedProxyForwardsIt() throws {
        let proxies = [try IPNetwork.parse("10.0.0.0/8"), try IPNetwork.parse("fd00::/8")]
        XCTAssertEqual(ClientAddress.resolve(peer: "192.0.2.9", forwardedFor: "203.0.113.5", trusted: proxies), "192.0.2.9",
                       "an untrusted peer's header is ignored")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.1.1.1", forwardedFor: "203.0.113.5", trusted: proxies), "203.0.113.5")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.1.1.1", forwardedFor: "1.2.3.4, 203.0.113.5, 10.2.2.2", trusted: proxies),
                       "203.0.113.5", "read from the right: what the client wrote on the left is not reached")
        XCTAssertEqual(ClientAddress.resolve(peer: "fd00::1", forwardedFor: "2001:db8::7", trusted: proxies), "2001:db8::7")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.1.1.1", forwardedFor: "not-an-address", trusted: proxies), "10.1.1.1")
        XCTAssertEqual(ClientAddress.resolve(peer: nil, forwardedFor: "203.0.113.5", trusted: proxies), "local")
        XCTAssertThrowsError(try IPNetwork.parse("10.0.0.0/33"))
        XCTAssertThrowsError(try IPNetwork.parse("proxy.local"))
        XCTAssertTrue(try IPNetwork.parse("127.0.0.1").contains("127.0.0.1"))
        XCTAssertFalse(try IPNetwork.parse("127.0.0.1").contains("127.0.0.2"))
        XCTAssertTrue(try IPNetwork.parse("0.0.0.0/0").contains("198.51.100.1"))
    }
}
