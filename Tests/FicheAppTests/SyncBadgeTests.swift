import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import FicheWidgets
import Foundation
import XCTest

/// The sync badge in the top line: online or offline when signed in, local for the demo, then
/// what waits and what needs a look, in the user's language.
final class SyncBadgeTests: XCTestCase {
    private func badge(_ language: Language, _ status: SyncBadgeState?, database: AppDatabase) throws -> SyncBadge {
        let app = try App(database: database, strings: Strings(language: language), userName: "demo",
                          size: Size(width: 120, height: 40), userID: "usr-demo", today: WorkloadFixture.today)
        app.environment.syncStatus = status
        return Frame.badge(app.environment)
    }

    func testOnlineOfflineAndLocalInFrenchAndDutch() throws {
        let database = try ListFixture.make()
        let online = SyncBadgeState(isOnline: true, lastSync: "14:02")
        XCTAssertEqual(try badge(.french, online, database: database).text, "en ligne · 14:02")
        XCTAssertEqual(try badge(.dutch, online, database: database).text, "online · 14:02")
        XCTAssertTrue(try badge(.french, online, database: database).isOnline)
        let offline = SyncBadgeState(isOnline: false, lastSync: "14:02")
        XCTAssertEqual(try badge(.french, offline, database: database).text, "hors ligne · 14:02")
        XCTAssertEqual(try badge(.dutch, offline, database: database).text, "offline · 14:02")
        XCTAssertEqual(try badge(.french, offline, database: database).glyph, "○")
        XCTAssertEqual(try badge(.french, nil, database: database).text, "local")
        XCTAssertEqual(try badge(.dutch, nil, database: database).text, "lokaal")
    }

    func testPendingChangesAndConflictsAreCountedInWords() throws {
        let database = try WorkloadFixture.withConflicts()
        let online = SyncBadgeState(isOnline: true, lastSync: "09:30")
        XCTAssertEqual(try badge(.french, online, database: database).text, "en ligne · 1 en attente · ⚠ 2 à voir · 09:30")
        XCTAssertEqual(try badge(.dutch, online, database: database).text, "online · 1 wachtend · ⚠ 2 na te kijken · 09:30")
        XCTAssertEqual(try badge(.dutch, SyncBadgeState(isOnline: false), database: database).text,
                       "offline · 1 wachtend · ⚠ 2 na te kijken", "offline before the first sync went through: no time")
    }

    /// Whenever the badge says offline, the reason is one key away, in the user's language.
    func testOfflineSaysWhereTheReasonIsAndAltIGivesItInTheUsersLanguage() throws {
        for (language, expected) in [(Language.french, "Serveur injoignable : vos encodages restent sur cet ordinateur"),
                                     (.dutch, "Server onbereikbaar: uw invoer blijft op deze computer")] {
            let app = try App(database: try ListFixture.make(), strings: Strings(language: language), userName: "demo",
                              size: Size(width: 120, height: 40), userID: "usr-demo", today: WorkloadFixture.today)
            let background = BackgroundSync(interval: 3_600, retryDelay: { _ in 3_600 }) {
                SyncReport(reachedServer: false, pulledChanges: 0, finishedAt: Date(timeIntervalSince1970: 0),
                           trouble: .unreachable(detail: "connection refused"))
            }
            background.apply(SyncReport(reachedServer: false, pulledChanges: 0, finishedAt: Date(timeIntervalSince1970: 0),
                                        trouble: .unreachable(detail: "connection refused")), to: app)
            XCTAssertTrue(Frame.badge(app.environment).text.hasSuffix("· Alt+i"), Frame.badge(app.environment).text)
            let driver = ScreenDriver(app)
            driver.press("Alt+i")
            XCTAssertTrue(driver.flowingText.contains(expected), driver.screenText)
            XCTAssertTrue(driver.flowingText.contains("(connection refused)"), "the cause follows, for whoever helps")
            // Once a sync goes through, the badge drops the key and Alt+i says all is well.
            background.apply(SyncReport(reachedServer: true, pulledChanges: 0,
                                        finishedAt: Date(timeIntervalSince1970: 1_795_000_000)), to: app)
            XCTAssertFalse(Frame.badge(app.environment).text.contains("Alt+i"))
            driver.press("Alt+i")
            XCTAssertTrue(driver.flowingText.contains(language == .french ? "Synchronisé avec le serveur." : "Gesynchroniseerd"),
                          driver.screenText)
        }
    }
}
