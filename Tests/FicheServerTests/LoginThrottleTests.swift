@testable import FicheServer
import XCTest

/// The login limits hold, and a flood of made-up logins from many addresses is forgotten once
/// the window has passed instead of growing the server's memory for ever.
final class LoginThrottleTests: XCTestCase {
    func testLimitsHoldAndOldAttemptsAreForgotten() async {
        var configuration = ServerConfiguration()
        configuration.maximumFailuresPerLogin = 2
        configuration.throttleWindow = 60
        let throttle = LoginThrottle(configuration: configuration)
        for second in 0..<2 {
            let allowed = await throttle.allow(login: "clerk", address: "10.0.0.1", at: Double(second))
            XCTAssertTrue(allowed)
            await throttle.recordFailure(login: "clerk", at: Double(second))
        }
        let third = await throttle.allow(login: "clerk", address: "10.0.0.1", at: 2)
        XCTAssertFalse(third, "a third wrong password within the window is refused")

        for index in 0..<5_000 {
            _ = await throttle.allow(login: "guess-\(index)", address: "10.1.\(index / 250).\(index % 250)", at: 3)
            await throttle.recordFailure(login: "guess-\(index)", at: 3)
        }
        let flooded = await throttle.trackedCount
        XCTAssertGreaterThan(flooded, 10_000)
        let later = await throttle.allow(login: "clerk", address: "10.0.0.1", at: 100)
        XCTAssertTrue(later, "the window has passed")
        let remembered = await throttle.trackedCount
        XCTAssertEqual(remembered, 1, "only the address that just tried is remembered")
    }
}
