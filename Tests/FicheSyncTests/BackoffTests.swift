import FicheSync
import XCTest

/// Retry pauses: capped, growing, and the same for the same seed (a simulation replays them).
final class BackoffTests: XCTestCase {
    func testPausesGrowUpToTheCapAndReplayForTheSameSeed() {
        var first = Backoff(base: 0.5, cap: 8, seed: 42)
        var second = Backoff(base: 0.5, cap: 8, seed: 42)
        let pauses = (1...12).map { first.delay(attempt: $0) }
        XCTAssertEqual(pauses, (1...12).map { second.delay(attempt: $0) })
        for (index, pause) in pauses.enumerated() {
            XCTAssertLessThanOrEqual(pause, min(8, 0.5 * Double(1 << index)), "attempt \(index + 1)")
            XCTAssertGreaterThanOrEqual(pause, 0)
        }
    }
}
