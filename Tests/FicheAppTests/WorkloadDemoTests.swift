import FicheApp
import FicheDomain
import FicheReplica
import Foundation
import XCTest

/// The weighted workload and the rebalancing proposal on the seeded 2,000-dossier demo, as the
/// demo's supervisor (granted at the commune and the CPAS) would get them.
final class WorkloadDemoTests: XCTestCase {
    static let today = WorkloadFixture.date("2026-11-24")
    private static let demo: Result<AppDatabase, Error> = Result { try DemoReplica.make(dossiers: 2_000) }

    private func database() throws -> AppDatabase { try Self.demo.get() }

    func testTheProposalBringsEachTeamWithinTenPercentAndEveryMoveRespectsGrants() throws {
        let database = try database()
        let rules = try RuleBook.bundled()
        for employer in ["AC-IXL", "CPAS-IXL"] {
            let proposal = try WorkloadStudy.proposal(database: database, rules: rules, userID: "usr-demo", employer: employer,
                                                      on: Self.today)
            XCTAssertGreaterThan(proposal.spread(proposal.before), 1.10, "\(employer): the demo team is uneven today")
            XCTAssertLessThanOrEqual(proposal.spread(proposal.after), 1.10, "\(employer): max/mean after the moves")
            XCTAssertFalse(proposal.moves.isEmpty)
            let granted = try database.workloadClerks(employerCodes: [employer], on: Self.today)
            for move in proposal.moves {
                let receiver = try XCTUnwrap(granted.first { $0.id == move.toClerkID }, "\(move)")
                XCTAssertTrue(receiver.employerCodes.contains(move.employerCode), "\(move) goes to a clerk granted \(employer)")
                XCTAssertEqual(move.employerCode, employer)
            }
            let again = try WorkloadStudy.proposal(database: database, rules: rules, userID: "usr-demo", employer: employer,
                                                   on: Self.today)
            XCTAssertEqual(again.moves, proposal.moves, "the same replica gives the same proposal")
        }
    }

    func testArticle60DossiersOfTheCPASWeighVisiblyMoreThanTheCommunesDossiers() throws {
        let dossiers = try database().workloadDossiers(employerCodes: ["AC-IXL", "CPAS-IXL"], asOf: Self.today,
                                                       costs: RuleBook.bundled().workloadCosts)
        func mean(_ chosen: [WorkloadDossier]) -> Double {
            Double(chosen.map(\.minutes).reduce(0, +)) / Double(max(1, chosen.count))
        }
        let commune = dossiers.filter { $0.employerCode == "AC-IXL" }
        let art60 = dossiers.filter(\.isArt60)
        let otherCPAS = dossiers.filter { $0.employerCode == "CPAS-IXL" && !$0.isArt60 }
        XCTAssertGreaterThan(art60.count, 50)
        XCTAssertGreaterThan(mean(art60), 2 * mean(commune), "art. 60: \(mean(art60) / 720) h, commune: \(mean(commune) / 720) h")
        XCTAssertGreaterThan(mean(commune), mean(otherCPAS), "a commune clerk also does the time management")
    }

    func testTheCPASClerksHoldingArt60DossiersCarryMoreHoursPerDossierThanTheCommunesClerks() throws {
        let database = try database()
        let rules = try RuleBook.bundled()
        func perDossier(_ employer: String) throws -> [Double] {
            let team = try WorkloadStudy.proposal(database: database, rules: rules, userID: "usr-demo", employer: employer,
                                                  on: Self.today)
            return team.before.values.filter { $0.dossiers > 0 && (employer == "AC-IXL" || $0.art60Dossiers > 0) }
                .map { $0.hoursPerMonth / Double($0.dossiers) }
        }
        let cpas = try perDossier("CPAS-IXL"), commune = try perDossier("AC-IXL")
        XCTAssertFalse(cpas.isEmpty)
        XCTAssertFalse(commune.isEmpty)
        XCTAssertGreaterThan(cpas.min() ?? 0, 1.05 * (commune.max() ?? 0), "hours per dossier: CPAS \(cpas), commune \(commune)")
    }

    func testTheDemoPoolOfTwelveClerksIsEvenInHoursAndTwoHundredEachIsNot() throws {
        let whatIf = try WorkloadStudy.pooling(database: database(), rules: RuleBook.bundled(), userID: "usr-demo",
                                               employers: ("AC-IXL", "CPAS-IXL"), seats: 12, on: Self.today)
        XCTAssertEqual(whatIf.byWeight.seats.count, 12)
        XCTAssertLessThanOrEqual(whatIf.byWeight.spread(whatIf.byWeight.after), 1.10)
        XCTAssertLessThanOrEqual(whatIf.byCount.countSpread(whatIf.byCount.after), 1.10, "even counts")
        XCTAssertGreaterThan(whatIf.byCount.spread(whatIf.byCount.after), whatIf.byWeight.spread(whatIf.byWeight.after),
                             "even counts leave the hours further from even than a split by weight")
    }

    func testBadRequestsAreRefusedWithTheirReason() throws {
        let database = try database()
        let rules = try RuleBook.bundled()
        XCTAssertThrowsError(try WorkloadStudy.proposal(database: database, rules: rules, userID: "usr-demo", employer: "XX",
                                                        on: Self.today)) {
            XCTAssertEqual($0 as? WorkloadProblem, .unknownEmployer("XX", known: ["AC-IXL", "CPAS-IXL"]))
        }
        XCTAssertThrowsError(try WorkloadStudy.proposal(database: database, rules: rules, userID: "usr-AC-IXL-payroll_clerk-1",
                                                        employer: "CPAS-IXL", on: Self.today)) {
            XCTAssertEqual($0 as? WorkloadProblem, .employerNotGranted("CPAS-IXL"))
        }
        XCTAssertThrowsError(try WorkloadStudy.pooling(database: database, rules: rules, userID: "usr-demo",
                                                       employers: ("AC-IXL", "CPAS-IXL"), seats: 0, on: Self.today)) {
            XCTAssertEqual($0 as? WorkloadProblem, .noClerks("AC-IXL + CPAS-IXL"))
        }
    }

    func testAppliedMovesAreOrdinaryReassignmentsAndADossierWithChangesWaitingStays() throws {
        let database = try DemoReplica.make(dossiers: 400)
        let rules = try RuleBook.bundled()
        let supervisor = try XCTUnwrap(database.user(id: "usr-demo"))
        let first = try WorkloadStudy.proposal(database: database, rules: rules, userID: supervisor.id, employer: "CPAS-IXL",
                                               on: Self.today)
        // A change waits in the outbox for the first dossier the proposal would move.
        let held = try XCTUnwrap(first.moves.first)
        try database.updateDossierField(held.dossierID, .firstName, to: "Marie-Claire", by: supervisor)
        let proposal = try WorkloadStudy.proposal(database: database, rules: rules, userID: supervisor.id, employer: "CPAS-IXL",
                                                  on: Self.today)
        XCTAssertFalse(proposal.moves.contains { $0.dossierID == held.dossierID }, "a dossier with a change waiting is not moved")
        XCTAssertEqual(proposal.pendingDossiers, 1)
        let kept = Array(proposal.moves.prefix(3))
        let outbox = try database.applyReassignments(kept, by: supervisor)
        XCTAssertEqual(outbox.map(\.mutation), ["updateDossierField", "updateDossierField", "updateDossierField"])
        let counts = Dictionary(try database.workload().filter { $0.employerCode == "CPAS-IXL" }.map { ($0.payrollClerkID, $0.dossiers) },
                                uniquingKeysWith: +)
        let rows = try database.dossierPage(after: nil, limit: 1_000)
        for move in kept {
            XCTAssertEqual(rows.first { $0.id == move.dossierID }?.payrollClerkID, move.toClerkID, "the list shows the new clerk")
        }
        XCTAssertEqual(counts[kept[0].toClerkID], (first.before[kept[0].toClerkID]?.dossiers ?? 0) + kept.filter { $0.toClerkID == kept[0].toClerkID }.count)
    }
}
