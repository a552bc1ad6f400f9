import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// `/ready` tells a load balancer whether an instance may take traffic: the store answers and
/// its schema is at this build's level.
final class ReadinessTests: XCTestCase {
    func testReadyOnlyWhileTheSchemaIsAtThisBuildsLevel() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        try await fixture.test { api in
            let (ready, body) = try await api.call("/ready", .get)
            XCTAssertEqual(ready, .ok)
            XCTAssertEqual(String(decoding: body, as: UTF8.self), "ready sqlite\n")
        }
        // A store an older build migrated: this instance must not take traffic until migrated.
        try await fixture.store.write { tx in
            try await tx.execute("UPDATE server_settings SET value = '3' WHERE key = 'schema.level'")
        }
        try await fixture.test { api in
            let (status, body) = try await api.call("/ready", .get)
            XCTAssertEqual(status, .serviceUnavailable)
            let error = try JSONDecoder().decode(ErrorBody.self, from: body)
            XCTAssertEqual(error.error, "not_ready")
            XCTAssertTrue(error.message.contains("run fiche-server migrate"), error.message)
            let (health, _) = try await api.call("/health", .get)
            XCTAssertEqual(health, .ok, "the process still answers /health")
        }
        try await fixture.store.migrate()
        try await fixture.test { api in
            let (again, _) = try await api.call("/ready", .get)
            XCTAssertEqual(again, .ok, "migrate brings it back")
        }
        await fixture.store.close()
    }
}
