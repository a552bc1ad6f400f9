@testable import FicheDomain
import XCTest

/// The workload weights: the shipped cost table, an employer's own, and bad files refused.
final class WorkloadCostsTests: XCTestCase {
    func testTheShippedCostsPriceEveryKindOfEventAndSayTheyAreAnEstimate() {
        let costs = Fixtures.rules.workloadCosts.defaults
        XCTAssertEqual(costs, WorkloadCosts(monthlyDossier: 20, timeRecord: 4, correction: 15, validation: 3, refusal: 10,
                                            art60Event: 60, careerChange: 30, timeManagement: 3))
        XCTAssertTrue(Fixtures.rules.workloadCosts.source.contains("estimate"), Fixtures.rules.workloadCosts.source)
    }

    func testAWeightAddsTwelveMonthsOfTheDossierAndEachEventAtItsCost() {
        let costs = Fixtures.rules.workloadCosts.defaults
        XCTAssertEqual(costs.minutesPerYear(DossierActivity()), 240, "a dossier with no event still costs its monthly run")
        let art60 = DossierActivity(timeRecords: 20, validations: 18, refusals: 1, art60Events: 16)
        XCTAssertEqual(costs.minutesPerYear(art60), 240 + 80 + 54 + 10 + 16 * 60)
        let managed = DossierActivity(timeRecords: 20, corrections: 2, validations: 18, careerChanges: 1, timeManagedByClerk: true)
        XCTAssertEqual(costs.minutesPerYear(managed), 240 + 20 * (4 + 3) + 30 + 54 + 30,
                       "time management adds its cost to each entry")
        XCTAssertEqual(WorkloadDossier.hoursPerMonth(minutes: 720), 1, "720 minutes a year is one hour a month")
    }

    func testAnEmployerMayChangeSomeCostsAndKeepsTheOthers() throws {
        let text = (Fixtures.rules.texts[.workloadCosts] ?? "") + "\n[[employer]]\ncode = \"CPAS-IXL\"\ntime_management = 0\nart60_event = 40\n"
        let rules = try Fixtures.rules.replacing(.workloadCosts, with: text)
        let cpas = rules.workloadCosts.costs(for: "CPAS-IXL")
        XCTAssertEqual(cpas.timeManagement, 0)
        XCTAssertEqual(cpas.art60Event, 40)
        XCTAssertEqual(cpas.timeRecord, 4, "the keys it does not set keep the defaults")
        XCTAssertEqual(rules.workloadCosts.costs(for: "AC-IXL"), rules.workloadCosts.defaults)
    }

    func testABadCostFileNamesTheLine() {
        let base = Fixtures.rules.texts[.workloadCosts] ?? ""
        let cases: [(String, String)] = [
            (base + "\n[[employer]]\ncode = \"X\"\nrefusal = -1\n", "refusal must not be negative"),
            (base + "\n[[employer]]\ncode = \"X\"\nlunch = 3\n", "lunch"),
            (base.replacingOccurrences(of: "refusal = 10\n", with: ""), "refusal"),
        ]
        for (text, says) in cases {
            XCTAssertThrowsError(try Fixtures.rules.replacing(.workloadCosts, with: text)) { error in
                XCTAssertTrue("\(error)".contains("workload-costs.toml"), "\(error)")
                XCTAssertTrue("\(error)".contains(says), "\(error)")
            }
        }
    }
}
