import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import FicheWidgets
import Foundation
import XCTest

/// Alt+l opens the last messages: one the next key replaced, or one too long for the message
/// line, is still read whole, with its time, newest first.
final class MessageLogTests: XCTestCase {
    private func app(_ language: Language = .french) throws -> App {
        try App(database: try ListFixture.make(), strings: Strings(language: language), userName: "demo",
                size: Size(width: 80, height: 24), userID: "usr-demo", today: WorkloadFixture.today)
    }

    func testAMessageTheNextKeyReplacedIsInTheLogWithItsTime() throws {
        let app = try app()
        let driver = ScreenDriver(app)
        driver.press("Alt+l")
        XCTAssertTrue(driver.flowingText.contains("Aucun message depuis l'ouverture de Fiche."), driver.screenText)
        driver.press("Esc")
        driver.press("Alt+i")
        let said = try XCTUnwrap(app.message).text
        driver.press("Down")
        XCTAssertFalse(driver.flowingText.contains(said), "the next key replaced the message")
        driver.press("Alt+l")
        let time = app.environment.clock.clockTime(app.environment.clock.now())
        XCTAssertTrue(driver.screenText.contains("\(time) ℹ \(said.prefix(30))"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Derniers messages"), driver.screenText)
        driver.press("Esc")
        XCTAssertFalse(driver.screenText.contains("Derniers messages"), "Esc closes the log")
        XCTAssertTrue(app.top is DossierListScreen)
    }

    func testALongMessageCutOnTheMessageLineIsReadWholeInTheLogNewestFirst() throws {
        let app = try app(.dutch)
        let driver = ScreenDriver(app)
        driver.press("Alt+i")   // first message: no server (local demo)
        let first = try XCTUnwrap(app.message).text
        let cause = (1...60).map { "oorzaak\($0)" }.joined(separator: " ") + " EINDE"
        let background = BackgroundSync(interval: 3_600, retryDelay: { _ in 3_600 }) {
            SyncReport(reachedServer: false, pulledChanges: 0, finishedAt: Date(timeIntervalSince1970: 0),
                       trouble: .unreachable(detail: cause))
        }
        background.apply(SyncReport(reachedServer: false, pulledChanges: 0, finishedAt: Date(timeIntervalSince1970: 0),
                                    trouble: .unreachable(detail: cause)), to: app)
        driver.press("Alt+i")
        XCTAssertTrue(driver.flowingText.contains("oorzaak1 "), driver.screenText)
        XCTAssertFalse(driver.flowingText.contains("EINDE"), "the message line cuts so long a message")
        driver.press("Alt+l")
        XCTAssertTrue(driver.flowingText.contains("Laatste berichten"), driver.screenText)
        XCTAssertTrue(driver.flowingText.contains("oorzaak1 "), "newest first: the long message starts the log")
        driver.press("End")
        XCTAssertTrue(driver.flowingText.contains("EINDE"), driver.screenText)
        XCTAssertTrue(driver.flowingText.contains(first), "the older message follows it")
        XCTAssertNil(driver.screenText.split(separator: "\n").first { $0.count > 80 })
    }
}
