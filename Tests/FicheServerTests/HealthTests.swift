import FicheServer
import Hummingbird
import HummingbirdTesting
import XCTest

final class HealthTests: XCTestCase {
    func testHealthAnswersInProcess() async throws {
        let app = Application(router: ServerApplication.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(String(buffer: response.body), "ok")
            }
        }
    }

    func testHealthAnswersOverARealSocket() async throws {
        let app = Application(router: ServerApplication.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
            }
        }
    }
}
