@testable import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import Foundation
import XCTest

/// The background sync's hand-off to the keyboard loop, with a fake sync in place of the server.
final class BackgroundSyncTests: XCTestCase {
    /// A sync that answers from a script and counts its runs.
    private final class ScriptedSync: @unchecked Sendable {
        private let lock = NSLock()
        private var script: [SyncReport]
        private(set) var runs = 0

        init(_ script: [SyncReport]) { self.script = script }

        func next() -> SyncReport {
            lock.withLock {
                runs += 1
                return script.isEmpty ? SyncReport(reachedServer: true, pulledChanges: 0, finishedAt: OfficeClock.tests.now()) : script.removeFirst()
            }
        }

        var count: Int { lock.withLock { runs } }
    }

    private func waitUntil(_ condition: () -> Bool, timeout: Double = 5) {
        let end = ContinuousClock.now + .seconds(timeout)
        while !condition(), ContinuousClock.now < end { Thread.sleep(forTimeInterval: 0.01) }
    }

    private func app() throws -> App {
        try App(database: try ListFixture.make(), strings: Strings(language: .french), userName: "demo",
                size: Size(width: 80, height: 24), userID: "usr-demo", today: WorkloadFixture.today)
    }

    func testAFinishedSyncReachesTheBadgeOnlyThroughTake() throws {
        let script = ScriptedSync([SyncReport(reachedServer: true, pulledChanges: 0,
                                              finishedAt: Date(timeIntervalSince1970: 1_795_500_000))])
        let background = BackgroundSync(interval: 3_600) { script.next() }
        let app = try app()
        app.environment.syncStatus = SyncBadgeState(isOnline: false)
        background.start()
        defer { background.stop() }
        waitUntil { script.count >= 1 }
        XCTAssertEqual(app.environment.syncStatus?.isOnline, false, "nothing changes behind the loop's back")
        var report: SyncReport?
        waitUntil { report = background.take(); return report != nil }
        background.apply(try XCTUnwrap(report), to: app)
        XCTAssertEqual(app.environment.syncStatus, SyncBadgeState(isOnline: true, lastSync: "07:00"))
        XCTAssertTrue(app.render().text().contains("en ligne · 07:00"))
        XCTAssertNil(background.take(), "a report is handed over once")
    }

    func testAFailureShowsOfflineAndKeepsTheLastGoodTime() async throws {
        let good = Date(timeIntervalSince1970: 1_795_500_000)
        let script = ScriptedSync([SyncReport(reachedServer: true, pulledChanges: 0, finishedAt: good),
                                   SyncReport(reachedServer: false, pulledChanges: 0, finishedAt: good.addingTimeInterval(60))])
        let background = BackgroundSync(interval: 3_600, retryDelay: { _ in 3_600 }) { script.next() }
        let app = try app()
        _ = await background.syncOnce()
        background.apply(try XCTUnwrap(background.take()), to: app)
        _ = await background.syncOnce()
        background.apply(try XCTUnwrap(background.take()), to: app)
        XCTAssertEqual(app.environment.syncStatus, SyncBadgeState(isOnline: false, lastSync: "07:00"))
        XCTAssertTrue(app.render().text().contains("hors ligne · 07:00"))
    }

    func testALocalSaveWakesTheLoopBeforeTheInterval() throws {
        let script = ScriptedSync([])
        let background = BackgroundSync(interval: 3_600) { script.next() }
        background.noteLocalChanges(pending: 0)
        background.start()
        defer { background.stop() }
        waitUntil { script.count >= 1 }
        XCTAssertEqual(script.count, 1)
        background.noteLocalChanges(pending: 0)
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(script.count, 1, "no new change, no new sync before the interval")
        background.noteLocalChanges(pending: 1)
        waitUntil { script.count >= 2 }
        XCTAssertEqual(script.count, 2, "a save is pushed at once")
    }

    func testReportsTheLoopHasNotReadAddUpSoAPulledChangeIsNeverMissed() throws {
        let script = ScriptedSync([SyncReport(reachedServer: true, pulledChanges: 3, finishedAt: OfficeClock.tests.now()),
                                   SyncReport(reachedServer: true, pulledChanges: 0, finishedAt: OfficeClock.tests.now())])
        let background = BackgroundSync(interval: 0.05) { script.next() }
        background.start()
        waitUntil { script.count >= 2 }
        background.stop()
        let report = try XCTUnwrap(background.take())
        XCTAssertGreaterThanOrEqual(report.pulledChanges, 3)
    }

    func testPulledChangesRereadTheScreenOnTop() throws {
        let database = try ListFixture.make()
        let app = try App(database: database, strings: Strings(language: .french), userName: "demo",
                          size: Size(width: 80, height: 24), userID: "usr-demo", today: WorkloadFixture.today)
        let first = try XCTUnwrap(app.dossierList?.window.rows.first)
        try database.updateDossierField(first.id, .lastName, to: "Aaaa-Nouveau", by: ListFixture.supervisor)
        let background = BackgroundSync { SyncReport(reachedServer: true, pulledChanges: 0, finishedAt: OfficeClock.tests.now()) }
        background.apply(SyncReport(reachedServer: true, pulledChanges: 0, finishedAt: OfficeClock.tests.now()), to: app)
        XCTAssertFalse(app.render().text().contains("Aaaa-Nouveau"), "no pulled change, no reread")
        background.apply(SyncReport(reachedServer: true, pulledChanges: 1, finishedAt: OfficeClock.tests.now()), to: app)
        XCTAssertTrue(app.render().text().contains("Aaaa-Nouveau"), app.render().text())
    }
}
