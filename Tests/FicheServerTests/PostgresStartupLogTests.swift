import FicheServer
import Foundation
import XCTest

/// An instance starting on PostgreSQL logs no warning: the connection pool runs before the
/// first query (PostgresNIO warns "PostgresClient.run() hasn't been called yet" otherwise).
final class PostgresStartupLogTests: XCTestCase {
    func testStartingAndQueryingAtOnceLogsNoWarning() async throws {
        let url = try TestStore.databaseURL()
        let capture = LogCapture()
        let clock = TestClock()
        // Several starts: the first query comes right after init each time, as at start-up.
        for _ in 0..<10 {
            let store = try PostgresServerStore(url: url, logger: capture.logger("fiche-server.postgres", clock: clock))
            try await store.migrate()
            _ = try await store.read { tx in try await tx.first("SELECT 1 AS n") }
            await store.close()
        }
        let warnings = capture.records.compactMap { $0 }.filter { ["warning", "error", "critical"].contains($0["level"] ?? "") }
        XCTAssertEqual(warnings.count, 0, "\(warnings)")
    }
}
