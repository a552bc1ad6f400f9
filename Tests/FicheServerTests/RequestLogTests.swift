import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// The server's log: one JSON line per request with its id, and never a secret or a personal
/// number in it, whatever the requests carried.
final class RequestLogTests: XCTestCase {
    func testEachRequestIsOneJSONLineWithItsIDAndNoLineCarriesASecretOrAPersonalNumber() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let capture = LogCapture()
        let app = Application(router: ServerApplication.router(service: fixture.service),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              logger: capture.logger("fiche-server", clock: fixture.clock))
        let secrets: [String] = try await app.test(.router) { client in
            let api = APIClient(client: client)
            // A wrong password, then the right one.
            let (refused, _) = try await api.call("/v1/auth/login", .post, body: try JSONEncoder().encode(
                LoginRequest(login: "clerk.ac", password: "not-the-password-42", device: "pc")))
            XCTAssertEqual(refused, .unauthorized)
            let tokens = try await api.login("clerk.ac")
            // A new IBAN and a new NISS pushed for the commune's dossier.
            let dossier = try await fixture.dossierID("A001")
            let (pushed, answer) = try await api.push(tokens.accessToken, [
                .iban(1, dossier: dossier, old: "BE32123456789002", new: "BE68539007547034"),
                .field(2, dossier: dossier, .niss, old: "85073003328", new: "90022800169"),
            ])
            XCTAssertEqual(pushed, .ok)
            XCTAssertEqual(answer?.results.count, 2)
            let (pulled, _, _) = try await api.pull(tokens.accessToken)
            XCTAssertEqual(pulled, .ok)
            let (refreshed, pair) = try await api.refresh(tokens.refreshToken)
            XCTAssertEqual(refreshed, .ok)
            // The proxy's request id comes back and names the request's line.
            let id = try await client.execute(uri: "/health", method: .get, headers: [RequestLogTests.requestID: "edge-42.a_b"]) {
                $0.headers[RequestLogTests.requestID]
            }
            XCTAssertEqual(id, "edge-42.a_b")
            // One that is not a plain token is replaced by a new one.
            let replaced = try await client.execute(uri: "/health", method: .get,
                                                    headers: [RequestLogTests.requestID: "bad id\" with quotes"]) {
                $0.headers[RequestLogTests.requestID]
            }
            XCTAssertNotEqual(replaced, "bad id\" with quotes")
            XCTAssertEqual(replaced?.count, 32)
            return ["not-the-password-42", ServerFixture.password, tokens.accessToken, tokens.refreshToken,
                    pair?.accessToken ?? "", pair?.refreshToken ?? ""]
        }
        let personal = ["BE32123456789002", "BE68539007547034", "BE32 1234 5678 9002", "BE68 5390 0754 7034",
                        "85073003328", "85.07.30-033.28", "90022800169", "90.02.28-001.69", "17073003384", "17.07.30-033.84"]

        let records = capture.records
        XCTAssertFalse(records.contains { $0 == nil }, "a line is not a JSON object: \(capture.captured)")
        let requests = records.compactMap { $0 }.filter { $0["message"] == "request" }
        XCTAssertEqual(requests.map { $0["route"] ?? "" },
                       ["/v1/auth/login", "/v1/auth/login", "/v1/sync/push", "/v1/sync/pull", "/v1/auth/refresh", "/health", "/health"])
        XCTAssertEqual(requests.map { $0["status"] ?? "" }, ["401", "200", "200", "200", "200", "200", "200"])
        XCTAssertEqual(requests.map { $0["method"] ?? "" }, ["POST", "POST", "POST", "GET", "POST", "GET", "GET"])
        XCTAssertTrue(requests.allSatisfy { ($0["request_id"]?.isEmpty == false) && Double($0["duration_ms"] ?? "") != nil }, "\(requests)")
        XCTAssertEqual(Set(requests.compactMap { $0["request_id"] }).count, requests.count, "each request its own id")
        XCTAssertEqual(requests[5]["request_id"], "edge-42.a_b")
        for line in capture.captured {
            for secret in secrets + personal where !secret.isEmpty {
                XCTAssertFalse(line.contains(secret), "a log line carries \(secret): \(line)")
            }
        }
        await fixture.store.close()
    }

    static let requestID = HTTPFields.Element.Name("X-Request-Id")!
}
