@testable import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// What an administrator does when someone leaves, forgets a password or loses a laptop, and a
/// user changing their own password; on both stores.
final class AccountAdministrationTests: XCTestCase {
    func testADisabledAccountIsRefusedEverywhereSQLite() async throws { try await Self.disabledAccount(.sqlite) }
    func testADisabledAccountIsRefusedEverywherePostgres() async throws { try await Self.disabledAccount(.postgres) }
    func testAResetPasswordAndRevokingEveryDeviceSQLite() async throws { try await Self.resetAndRevokeAll(.sqlite) }
    func testAResetPasswordAndRevokingEveryDevicePostgres() async throws { try await Self.resetAndRevokeAll(.postgres) }
    func testAUserChangesTheirOwnPasswordSQLite() async throws { try await Self.changeOwnPassword(.sqlite) }
    func testAUserChangesTheirOwnPasswordPostgres() async throws { try await Self.changeOwnPassword(.postgres) }
    func testTheSignInRoutesReadSmallBodiesOnlySQLite() async throws { try await Self.smallAuthBodies(.sqlite) }

    static func login(_ api: APIClient, _ login: String, _ password: String) async throws -> HTTPResponse.Status {
        try await api.call("/v1/auth/login", .post,
                           body: try JSONEncoder().encode(LoginRequest(login: login, password: password, device: "pc"))).0
    }

    static func disabledAccount(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let tokens = try await api.login("clerk.cpas")
            try await fixture.accounts.setActive(login: "clerk.cpas", false)
            let (status, _, error) = try await api.pull(tokens.accessToken)
            XCTAssertEqual(status, .unauthorized, "the device is refused at its next request")
            XCTAssertEqual(error?.message, "the account is disabled")
            let (refresh, _) = try await api.refresh(tokens.refreshToken)
            XCTAssertEqual(refresh, .unauthorized)
            let denied = try await login(api, "clerk.cpas", ServerFixture.password)
            XCTAssertEqual(denied, .unauthorized, "the password no longer signs in")
            try await fixture.accounts.setActive(login: "clerk.cpas", true)
            let again = try await login(api, "clerk.cpas", ServerFixture.password)
            XCTAssertEqual(again, .ok)
        }
        let audited = try await fixture.count("SELECT COUNT(*) AS n FROM audit WHERE action IN ('user.disable', 'user.enable')")
        XCTAssertEqual(audited, 2)
        await fixture.store.close()
    }

    static func resetAndRevokeAll(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let laptop = try await api.login("clerk.cpas", device: "laptop")
            let desk = try await api.login("clerk.cpas", device: "desk")
            try await fixture.accounts.resetPassword(login: "clerk.cpas", to: "a-new-password-1")
            let old = try await login(api, "clerk.cpas", ServerFixture.password)
            XCTAssertEqual(old, .unauthorized)
            let new = try await login(api, "clerk.cpas", "a-new-password-1")
            XCTAssertEqual(new, .ok)
            let (stillIn, _, _) = try await api.pull(laptop.accessToken)
            XCTAssertEqual(stillIn, .ok, "a reset alone keeps the devices signed in")
            let revoked = try await fixture.accounts.revokeAllDevices(login: "clerk.cpas")
            XCTAssertEqual(revoked, 3)
            for device in [laptop, desk] {
                let (status, _, error) = try await api.pull(device.accessToken)
                XCTAssertEqual(status, .unauthorized)
                XCTAssertEqual(error?.wipe, true, "each device exports its unsent entries and erases its replica")
            }
            do {
                try await fixture.accounts.resetPassword(login: "clerk.cpas", to: "short")
                XCTFail("a password of 5 characters is refused")
            } catch let error as CommandError {
                XCTAssertTrue(error.description.contains("8 characters"), error.description)
            }
        }
        await fixture.store.close()
    }

    static func changeOwnPassword(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let tokens = try await api.login("clerk.cpas")
            func change(_ current: String, _ new: String) async throws -> (HTTPResponse.Status, ErrorBody?) {
                let (status, data) = try await api.call("/v1/auth/password", .post, token: tokens.accessToken,
                                                        body: try JSONEncoder().encode(PasswordChange(currentPassword: current, newPassword: new)))
                return (status, try? JSONDecoder().decode(ErrorBody.self, from: data))
            }
            let (wrong, body) = try await change("not-my-password", "another-password-2")
            XCTAssertEqual(wrong, .forbidden)
            XCTAssertEqual(body?.error, "wrong_password")
            let stillOld = try await login(api, "clerk.cpas", ServerFixture.password)
            XCTAssertEqual(stillOld, .ok, "nothing changed")
            let (short, _) = try await change(ServerFixture.password, "short")
            XCTAssertEqual(short, .badRequest)
            let (done, _) = try await change(ServerFixture.password, "another-password-2")
            XCTAssertEqual(done, .noContent)
            let old = try await login(api, "clerk.cpas", ServerFixture.password)
            XCTAssertEqual(old, .unauthorized)
            let new = try await login(api, "clerk.cpas", "another-password-2")
            XCTAssertEqual(new, .ok)
            let (anonymous, _) = try await api.call("/v1/auth/password", .post,
                                                    body: try JSONEncoder().encode(PasswordChange(currentPassword: "x", newPassword: "y")))
            XCTAssertEqual(anonymous, .unauthorized)
        }
        await fixture.store.close()
    }

    /// An 8 MB body on the login route is refused before it is read whole or parsed.
    static func smallAuthBodies(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let huge = Data("{\"login\":\"clerk.cpas\",\"password\":\"".utf8) + Data(repeating: UInt8(ascii: "a"), count: 8 << 20)
                + Data("\",\"device\":\"pc\"}".utf8)
            let (signIn, _) = try await api.call("/v1/auth/login", .post, body: huge)
            XCTAssertEqual(signIn, .contentTooLarge)
            let (refresh, _) = try await api.call("/v1/auth/refresh", .post, body: huge)
            XCTAssertEqual(refresh, .contentTooLarge)
            let ok = try await Self.login(api, "clerk.cpas", ServerFixture.password)
            XCTAssertEqual(ok, .ok, "the server answers on")
        }
        await fixture.store.close()
    }
}
