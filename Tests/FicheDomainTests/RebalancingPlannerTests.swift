@testable import FicheDomain
import XCTest

/// The rebalancing proposal: within ±10 % of the mean with few moves, grants respected,
/// dossiers with pending changes left alone, a worker's dossiers kept together, the same
/// answer every time; and the pooling what-if.
final class RebalancingPlannerTests: XCTestCase {
    private func clerk(_ id: String, _ employers: Set<String> = ["AC"]) -> WorkloadClerk {
        WorkloadClerk(id: id, login: "login-\(id)", displayName: id, employerCodes: employers)
    }

    private func dossier(_ id: String, _ clerk: String, _ minutes: Int, employer: String = "AC", person: String? = nil,
                         pending: Bool = false, art60: Bool = false) -> WorkloadDossier {
        WorkloadDossier(id: id, number: "N-\(id)", employerCode: employer, personID: person ?? "p-\(id)", clerkID: clerk,
                        minutes: minutes, isArt60: art60, isPending: pending)
    }

    /// `count` dossiers of `minutes` each at `clerk`, ids prefixed by the clerk.
    private func dossiers(_ clerk: String, _ count: Int, _ minutes: Int, employer: String = "AC") -> [WorkloadDossier] {
        (0..<count).map { dossier("\(clerk)-\(100 + $0)", clerk, minutes, employer: employer) }
    }

    func testAnOverloadedClerkHandsTheHeaviestDossiersFirstUntilAllAreWithinTenPercent() throws {
        // a carries 3 heavy (600) and 10 light (300); b and c 10 light each.
        let all = dossiers("a", 10, 300) + [dossier("a-h1", "a", 600), dossier("a-h2", "a", 600), dossier("a-h3", "a", 600)]
            + dossiers("b", 10, 300) + dossiers("c", 10, 300)
        let proposal = try RebalancingPlanner.propose(dossiers: all, clerks: [clerk("c"), clerk("a"), clerk("b")], scope: "AC")
        XCTAssertEqual(proposal.before["a"]?.minutes, 4800)
        XCTAssertEqual(proposal.spread(proposal.before), 4800 / 3600.0, accuracy: 0.001)
        let after = proposal.after
        let mean = proposal.meanMinutes(after)
        for id in ["a", "b", "c"] {
            XCTAssertLessThanOrEqual(abs(Double(after[id]?.minutes ?? 0) - mean), mean * 0.10 + 0.001, "\(id): \(after)")
        }
        XCTAssertEqual(proposal.moves.count, 2, "two heavy dossiers are enough: \(proposal.moves)")
        XCTAssertEqual(Set(proposal.moves.map(\.dossierID)), ["a-h1", "a-h2"], "the heaviest go first, ties by id")
        XCTAssertEqual(Set(proposal.moves.map(\.toClerkID)), ["b", "c"])
        XCTAssertEqual(after["a"]?.dossiers, 11)
    }

    func testAClerkOnlyReceivesDossiersOfEmployersTheyAreGranted() throws {
        // x holds everything at two employers; y may only take AC, z only CPAS.
        let all = dossiers("x", 12, 300, employer: "AC") + dossiers("x", 12, 300, employer: "CPAS").map {
            var moved = $0
            moved.id = "cp-" + moved.id
            return moved
        }
        let clerks = [clerk("x", ["AC", "CPAS"]), clerk("y", ["AC"]), clerk("z", ["CPAS"])]
        let proposal = try RebalancingPlanner.propose(dossiers: all, clerks: clerks, scope: "AC + CPAS")
        XCTAssertFalse(proposal.moves.isEmpty)
        for move in proposal.moves {
            let receiver = try XCTUnwrap(clerks.first { $0.id == move.toClerkID })
            XCTAssertTrue(receiver.employerCodes.contains(move.employerCode), "\(move) goes to a clerk granted its employer")
        }
        XCTAssertLessThanOrEqual(proposal.spread(proposal.after), 1.10)
    }

    func testADossierWithChangesWaitingIsNeverMoved() throws {
        var all = dossiers("a", 10, 300) + dossiers("b", 2, 300)
        for index in all.indices where all[index].clerkID == "a" && index < 8 { all[index].isPending = true }
        let proposal = try RebalancingPlanner.propose(dossiers: all, clerks: [clerk("a"), clerk("b")], scope: "AC")
        XCTAssertEqual(proposal.pendingDossiers, 8)
        let pending = Set(all.filter(\.isPending).map(\.id))
        XCTAssertTrue(proposal.moves.allSatisfy { !pending.contains($0.dossierID) }, "\(proposal.moves)")
        XCTAssertEqual(proposal.moves.count, 2, "only the two dossiers free to move go")
        XCTAssertGreaterThan(proposal.spread(proposal.after), 1.10, "no move left improves: the proposal says how far it got")
    }

    func testAWorkersDossiersMoveTogetherWhenAsked() throws {
        var all = dossiers("a", 6, 300) + dossiers("b", 2, 300)
        for index in 0..<3 { all[index].personID = "worker-1" }
        let together = try RebalancingPlanner.propose(dossiers: all, clerks: [clerk("a"), clerk("b")],
                                                      options: RebalancingOptions(keepWorkerTogether: true), scope: "AC")
        let moved = Set(together.moves.map(\.dossierID))
        let workerDossiers = Set(all[0..<3].map(\.id))
        XCTAssertTrue(workerDossiers.isSubset(of: moved) || workerDossiers.isDisjoint(with: moved),
                      "worker-1's three dossiers move as one or not at all: \(moved)")
    }

    func testTheSameDataGivesTheSameProposalWhateverTheOrder() throws {
        var generator = SeededGenerator(seed: 7)
        let clerks = (1...9).map { clerk("c\($0)") }
        var all: [WorkloadDossier] = []
        for index in 0..<900 {
            let holder = "c\(1 + (index * index) % 9)"
            all.append(dossier("d\(index)", holder, 240 + Int.random(in: 0...900, using: &generator)))
        }
        let first = try RebalancingPlanner.propose(dossiers: all, clerks: clerks, scope: "AC")
        let second = try RebalancingPlanner.propose(dossiers: all.reversed(), clerks: clerks.reversed(), scope: "AC")
        XCTAssertEqual(first.moves, second.moves)
        XCTAssertLessThanOrEqual(first.spread(first.after), 1.10)
    }

    func testAnEvenTeamNeedsNoMoveAndATeamWithoutClerksIsRefused() throws {
        let even = try RebalancingPlanner.propose(dossiers: dossiers("a", 5, 300) + dossiers("b", 5, 310),
                                                  clerks: [clerk("a"), clerk("b")], scope: "AC")
        XCTAssertEqual(even.moves, [])
        XCTAssertThrowsError(try RebalancingPlanner.propose(dossiers: dossiers("a", 5, 300), clerks: [], scope: "AC")) { error in
            XCTAssertEqual(error as? WorkloadProblem, .noClerks("AC"))
        }
    }

    func testThePooledTeamEvensHoursWhileEvenCountsLeaveThemUneven() throws {
        // The CPAS: 2 clerks with heavy dossiers (art. 60); the commune: 4 clerks with light ones.
        let cpas = (dossiers("cp1", 30, 900, employer: "CPAS") + dossiers("cp2", 30, 900, employer: "CPAS")).map {
            var art60 = $0
            art60.isArt60 = true
            return art60
        }
        let commune = ["ac1", "ac2", "ac3", "ac4"].flatMap { dossiers($0, 20, 300, employer: "AC") }
        let clerks = [clerk("cp1", ["CPAS"]), clerk("cp2", ["CPAS"]), clerk("ac1"), clerk("ac2"), clerk("ac3"),
                      clerk("ac4", ["AC", "CPAS"])]
        let whatIf = try PoolingWhatIf.make(dossiers: cpas + commune, clerks: clerks, employers: ("AC", "CPAS"), seats: 6)
        XCTAssertLessThanOrEqual(whatIf.byWeight.spread(whatIf.byWeight.after), 1.10)
        XCTAssertLessThanOrEqual(whatIf.byCount.countSpread(whatIf.byCount.after), 1.10)
        XCTAssertGreaterThan(whatIf.byCount.spread(whatIf.byCount.after), 1.10, "even counts are not even hours")
        let smaller = try PoolingWhatIf.make(dossiers: cpas + commune, clerks: clerks, employers: ("AC", "CPAS"), seats: 5)
        let leaving = try XCTUnwrap(smaller.byWeight.clerks.first(where: \.isLeaving))
        XCTAssertEqual(smaller.byWeight.after[leaving.id]?.dossiers, 0, "a clerk left out of the pool hands over every dossier")
        let larger = try PoolingWhatIf.make(dossiers: cpas + commune, clerks: clerks, employers: ("AC", "CPAS"), seats: 8)
        XCTAssertEqual(larger.byWeight.clerks.filter(\.isNewSeat).count, 2)
    }

    func testAPoolNeedsTwoEmployersAClerkGrantedAtBothAndAtLeastOneSeat() {
        let clerks = [clerk("cp1", ["CPAS"]), clerk("ac1", ["AC"])]
        let all = dossiers("cp1", 3, 300, employer: "CPAS") + dossiers("ac1", 3, 300)
        XCTAssertThrowsError(try PoolingWhatIf.make(dossiers: all, clerks: clerks, employers: ("AC", "CPAS"), seats: 2)) {
            XCTAssertEqual($0 as? WorkloadProblem, .poolWithoutCommonClerk("AC", "CPAS"))
        }
        XCTAssertThrowsError(try PoolingWhatIf.make(dossiers: all, clerks: clerks, employers: ("AC", "CPAS"), seats: 0)) {
            XCTAssertEqual($0 as? WorkloadProblem, .noClerks("AC + CPAS"))
        }
        XCTAssertThrowsError(try PoolingWhatIf.make(dossiers: all, clerks: clerks, employers: ("AC", "AC"), seats: 2)) {
            XCTAssertEqual($0 as? WorkloadProblem, .poolOfOneEmployer("AC"))
        }
    }
}
