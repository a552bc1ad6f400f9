import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The workload screen's weighted load, proposal and pooling what-if on the demo, driven by
/// keys as a supervisor would: Tab to the view, F7 to compute (keys keep working meanwhile),
/// Space to drop a move, F2 to make the others.
final class WorkloadStudyScreenTests: XCTestCase {
    private func driver(_ language: FicheApp.Language = .french, database: AppDatabase, width: Int = 80, height: Int = 24,
                        userID: String = "usr-demo") throws -> ScreenDriver<App> {
        let app = try App(database: database, strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: userID, today: WorkloadDemoTests.today)
        return ScreenDriver(app)
    }

    private func workload(_ driver: ScreenDriver<App>) throws -> WorkloadScreen {
        try XCTUnwrap(driver.screen.top as? WorkloadScreen, "the workload screen is on top")
    }

    /// Waits for the screen's computation and draws what it found.
    private func settle(_ driver: ScreenDriver<App>) throws {
        let screen = try workload(driver)
        XCTAssertTrue(screen.waitForStudy(driver.screen.environment, timeout: 120))
    }

    func testTheWeightedViewShowsHoursDossiersAndArt60SharePerClerkAgainstTheMean() throws {
        let driver = try driver(database: DemoReplica.make(dossiers: 400))
        driver.press("Alt+w")
        driver.press("Tab")
        let screen = try workload(driver)
        XCTAssertEqual(screen.view, .weighted)
        XCTAssertTrue(screen.isBusy || !screen.weighed.isEmpty, "weighing starts when the view opens")
        XCTAssertTrue(driver.screenText.contains("Calcul en cours") || !screen.weighed.isEmpty, driver.screenText)
        driver.press("Down")   // keys work while it computes
        try settle(driver)
        let text = driver.screenText
        XCTAssertTrue(text.contains("Charge pondérée"), text)
        XCTAssertTrue(text.contains("max/moyenne"), text)
        XCTAssertTrue(text.contains("h/mois"), text)
        let cpas = try XCTUnwrap(screen.weighed["CPAS-IXL"])
        let commune = try XCTUnwrap(screen.weighed["AC-IXL"])
        func perDossier(_ team: RebalancingProposal) -> Double {
            let loads = team.before.values
            return Double(loads.map(\.minutes).reduce(0, +)) / Double(max(1, loads.map(\.dossiers).reduce(0, +)))
        }
        let art60Clerks = cpas.before.values.filter { $0.art60Dossiers > 0 }
        XCTAssertFalse(art60Clerks.isEmpty)
        XCTAssertGreaterThan(perDossier(cpas), 0, "\(cpas.before)")
        XCTAssertGreaterThan(art60Clerks.map(\.art60Share).max() ?? 0, 0.05, "the CPAS clerks hold art. 60 dossiers")
        XCTAssertGreaterThan(perDossier(commune), 0)
        assertScreen(driver.buffer, named: "workload-weighted-80x24-fr")
    }

    func testF7ProposesMovesSpaceDropsOneAndF2MakesTheOthersAsReassignments() throws {
        let database = try DemoReplica.make(dossiers: 400)
        let driver = try driver(database: database)
        driver.press("Alt+w")
        driver.press("Tab")
        try settle(driver)   // the weighted view weighs the teams as it opens
        driver.press("Tab")
        let screen = try workload(driver)
        XCTAssertEqual(screen.view, .proposal)
        XCTAssertTrue(driver.screenText.contains("F7"), driver.screenText)
        driver.press("F7")
        driver.press("Tab", "Shift+Tab")   // keys keep working while it computes
        try settle(driver)
        let proposal = try XCTUnwrap(screen.proposal)
        XCTAssertEqual(screen.proposalTeam, "AC-IXL")
        XCTAssertGreaterThan(proposal.moves.count, 1)
        XCTAssertLessThanOrEqual(proposal.spread(proposal.after), 1.10)
        let text = driver.screenText
        XCTAssertTrue(text.contains("max/moyenne"), text)
        XCTAssertTrue(text.contains("→"), "before → after bars:\n\(text)")
        XCTAssertTrue(text.contains("[✓] " + proposal.moves[0].dossierNumber), text)
        assertScreen(driver.buffer, named: "workload-proposal-80x24-fr")

        driver.press("Space")
        XCTAssertEqual(screen.dropped, [proposal.moves[0].dossierID])
        XCTAssertTrue(driver.screenText.contains("[ ] " + proposal.moves[0].dossierNumber), driver.screenText)
        let kept = screen.keptMoves
        XCTAssertEqual(kept.count, proposal.moves.count - 1)
        let before = try database.syncCounts().pending
        driver.press("F2")
        let written = kept.count > 1 ? "\(kept.count) réattributions écrites" : "\(kept.count) réattribution écrite"
        XCTAssertTrue(driver.screenText.contains(written), driver.screenText)
        XCTAssertEqual(try database.syncCounts().pending, before + kept.count, "one outbox row a move, synced like any reassignment")
        let rows = try database.dossierPage(after: nil, limit: 1_000)
        XCTAssertEqual(rows.first { $0.id == proposal.moves[0].dossierID }?.payrollClerkID, proposal.moves[0].fromClerkID,
                       "the dropped move was not made")
        for move in kept {
            XCTAssertEqual(rows.first { $0.id == move.dossierID }?.payrollClerkID, move.toClerkID)
        }
        try settle(driver)
    }

    func testThePoolingWhatIfComparesEvenCountsWithEvenHours() throws {
        let driver = try driver(.dutch, database: DemoReplica.make(dossiers: 400))
        driver.press("Alt+w")
        driver.press("Shift+Tab")
        let screen = try workload(driver)
        XCTAssertEqual(screen.view, .pooling)
        driver.press("F7")
        try settle(driver)
        let seats = try XCTUnwrap(screen.poolSeats)
        XCTAssertGreaterThan(seats, 2)
        XCTAssertNotNil(screen.pooling)
        driver.press("+")
        XCTAssertEqual(screen.poolSeats, seats + 1)
        driver.press("F7")
        try settle(driver)
        let whatIf = try XCTUnwrap(screen.pooling)
        XCTAssertEqual(whatIf.byWeight.seats.count, seats + 1)
        XCTAssertEqual(whatIf.byWeight.seats.filter(\.isNewSeat).count, 1)
        let text = driver.screenText
        XCTAssertTrue(text.contains("Samenvoeging van AC-IXL en CPAS-IXL met \(seats + 1) beheerders"), text)
        XCTAssertTrue(text.contains("Gelijk in uren"), text)
        XCTAssertTrue(text.contains("Nieuwe plaats 1"), text)
        assertScreen(driver.buffer, named: "workload-pooling-80x24-nl")
    }

    func testZeroClerksInThePoolIsSaidInTheUsersLanguageAndNothingIsComputed() throws {
        let driver = try driver(.english, database: DemoReplica.make(dossiers: 40))
        driver.press("Alt+w")
        driver.press("Shift+Tab")
        let screen = try workload(driver)
        driver.press("F7")
        try settle(driver)
        let seats = try XCTUnwrap(screen.poolSeats)
        for _ in 0..<seats { driver.press("-") }
        XCTAssertEqual(screen.poolSeats, 0)
        driver.press("F7")
        try settle(driver)
        XCTAssertNil(screen.pooling)
        XCTAssertTrue(driver.screenText.contains("No payroll clerk for AC-IXL + CPAS-IXL (zero clerks)"), driver.screenText)
    }

    func testAClerkWithoutTheRightToReassignIsToldSoOnTheProposal() throws {
        let driver = try driver(.english, database: DemoReplica.make(dossiers: 40), userID: "usr-AC-IXL-payroll_clerk-1")
        driver.press("Alt+w")
        driver.press("Tab")
        try settle(driver)
        XCTAssertTrue(driver.screenText.contains("No team to weigh"), driver.screenText)
        driver.press("Tab", "F7")
        XCTAssertTrue(driver.screenText.contains("No employer where you may reassign dossiers"), driver.screenText)
        XCTAssertFalse(try workload(driver).isBusy, "nothing is computed")
    }
}
