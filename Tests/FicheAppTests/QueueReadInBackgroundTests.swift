import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// In the terminal the queues worked out by rules are read off the key path: the tab shows a
/// turning sign and keys keep working until the read arrives.
final class QueueReadInBackgroundTests: XCTestCase {
    func testARuleQueueIsReadOffTheKeyPathWithASpinnerThenShown() throws {
        let app = try App(database: try QueueFixture.make(), strings: Strings(language: .french), userName: "demo",
                          size: Size(width: 120, height: 40), userID: "usr-demo", today: QueueFixture.today)
        app.environment.readsInBackground = true
        let driver = ScreenDriver(app)
        driver.press("Alt+v")
        let queues = try XCTUnwrap(app.top as? QueuesScreen)
        while queues.tab != .certificates { driver.press("Tab") }
        XCTAssertTrue(queues.isReading, "the missing certificates are worked out by rules")
        XCTAssertTrue(app.isScreenBusy)
        XCTAssertTrue(driver.screenText.contains("Lecture de la file…"), driver.screenText)
        XCTAssertTrue(queues.waitUntilRead())
        XCTAssertTrue(app.pollScreen())
        XCTAssertFalse(queues.isReading)
        // The other tabs' counts read at opening arrive too.
        let deadline = ContinuousClock.now + .seconds(60)
        while app.isScreenBusy, ContinuousClock.now < deadline {
            app.pollScreen()
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertFalse(app.isScreenBusy)
        XCTAssertFalse(driver.screenText.contains("Lecture de la file…"), driver.screenText)
        let synchronous = try App(database: try QueueFixture.make(), strings: Strings(language: .french), userName: "demo",
                                  size: Size(width: 120, height: 40), userID: "usr-demo", today: QueueFixture.today)
        let other = ScreenDriver(synchronous)
        other.press("Alt+v")
        while (synchronous.top as? QueuesScreen)?.tab != .certificates { other.press("Tab") }
        XCTAssertEqual(driver.screenText, other.screenText, "read off the key path, the tab shows what it shows read at once")
    }
}
