@testable import FicheDomain
import XCTest

/// Properties of the article 60 count over random contracts and absences (seeded, so a failure
/// replays): every scheduled day is counted at most once, a day paid by the mutuality after the
/// reform never brings the target closer, the guaranteed salary counts under both policies, and
/// a contract across 1 March 2026 is judged by both.
final class Art60PropertyTests: XCTestCase {
    private let calendar = WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime)
    private let types = ["annual_leave", "sick", "work_accident", "maternity", "strike", "unjustified",
                         "time_credit", "compensatory_rest", "circumstance", "training"]
    private let reform = Fixtures.date("2026-03-01")

    private struct Scenario {
        var contract: Art60Contract
        var birth: LocalDate
        var records: [TimeRecord]
        var asOf: LocalDate
    }

    private func scenario(_ random: inout SeededGenerator, startingBetween low: String, and high: String) -> Scenario {
        let first = Fixtures.date(low), last = Fixtures.date(high)
        let start = first.adding(days: Int.random(in: 0...first.days(to: last), using: &random))
        var records: [TimeRecord] = []
        for index in 0..<Int.random(in: 0...12, using: &random) {
            let type = types[Int.random(in: 0..<types.count, using: &random)]
            let from = start.adding(days: Int.random(in: 0...500, using: &random))
            let length = Int.random(in: 0...(type == "sick" || type == "work_accident" ? 60 : 9), using: &random)
            let unit = Fixtures.rules.absenceCatalogue.type(type)?.unit
            let part: DayPart = unit == .day ? .full : [.full, .morning, .afternoon][Int.random(in: 0...2, using: &random)]
            records.append(Fixtures.absence("r\(index)", type, from.iso, from.adding(days: part == .full ? length : 0).iso,
                                            part: part, status: .submitted))
        }
        let birth = Fixtures.date("1960-01-01").adding(days: Int.random(in: 0...14_000, using: &random))
        return Scenario(contract: Art60Contract(id: "a60", employerCode: "CPAS-IXL", dossierID: "d1", start: start),
                        birth: birth, records: records, asOf: start.adding(days: Int.random(in: 0...700, using: &random)))
    }

    private func progress(_ scenario: Scenario, records: [TimeRecord]? = nil, asOf: LocalDate? = nil) throws -> Art60Progress {
        try Art60Progress(contract: scenario.contract, birthDate: scenario.birth, rules: Fixtures.rules, calendar: calendar,
                          records: records ?? scenario.records, asOf: asOf ?? scenario.asOf)
    }

    func testADayNeverCountsTwice() throws {
        var random = SeededGenerator(seed: 60)
        for run in 0..<150 {
            let scenario = scenario(&random, startingBetween: "2025-01-01", and: "2026-12-31")
            let result = try progress(scenario)
            let name = "run \(run), start \(scenario.contract.start.iso), as of \(scenario.asOf.iso)"
            // Each scheduled half day is worked, counted as an absence or holiday, or not counted: once.
            XCTAssertEqual(result.workedDays + result.assimilatedDays + result.unpaidCountedDays + result.lostDays,
                           result.scheduledDays, name)
            XCTAssertLessThanOrEqual(result.qualifyingDays, result.scheduledDays * 1.2 + 0.001, name)
            XCTAssertEqual(result.qualifyingDays, (result.scheduledDays - result.lostDays) * 1.2, accuracy: 0.001, name)
        }
    }

    func testAMutualityPaidDayAfterTheReformNeverBringsTheTargetCloser() throws {
        var random = SeededGenerator(seed: 61)
        for run in 0..<120 {
            var scenario = scenario(&random, startingBetween: "2025-06-01", and: "2026-12-31")
            // A sickness of 30 days (all guaranteed salary) prolonged by 1 to 40 days paid by the mutuality.
            let first = max(reform, scenario.contract.start).adding(days: Int.random(in: 0...300, using: &random))
            let guaranteed = Fixtures.absence("sick-30", "sick", first.iso, first.adding(days: 29).iso, status: .submitted)
            let prolonged = Fixtures.absence("sick-30", "sick", first.iso,
                                             first.adding(days: 29 + Int.random(in: 1...40, using: &random)).iso,
                                             status: .submitted)
            scenario.records.removeAll { $0.typeCode == "sick" || $0.typeCode == "work_accident" }
            let name = "run \(run), start \(scenario.contract.start.iso), sick from \(first.iso) to \(prolonged.end.iso)"
            let before = try progress(scenario, records: scenario.records + [guaranteed])
            let after = try progress(scenario, records: scenario.records + [prolonged])
            guard let beforeDate = before.projectedTargetDate else { continue }
            XCTAssertGreaterThanOrEqual(after.projectedTargetDate ?? .init(dayNumber: Int.max / 2), beforeDate, name)
            XCTAssertGreaterThanOrEqual(after.windowEnd, before.windowEnd, name)
        }
    }

    func testGuaranteedSalaryDaysCountUnderBothPolicies() throws {
        var random = SeededGenerator(seed: 62)
        for run in 0..<120 {
            let start = Fixtures.date("2025-03-03").adding(days: Int.random(in: 0...500, using: &random))
            let contract = Art60Contract(id: "a60", employerCode: "CPAS-IXL", dossierID: "d1", start: start)
            // One incapacity of at most 30 calendar days, no other before it: all guaranteed salary.
            let from = start.adding(days: Int.random(in: 0...400, using: &random))
            let type = Bool.random(using: &random) ? "sick" : "work_accident"
            let record = Fixtures.absence("s", type, from.iso, from.adding(days: Int.random(in: 0...29, using: &random)).iso,
                                          status: .validated)
            let asOf = record.end.adding(days: 1)
            let name = "run \(run), \(type) \(record.start.iso)–\(record.end.iso)"
            let sick = try Art60Progress(contract: contract, birthDate: Fixtures.date("1990-01-15"), rules: Fixtures.rules,
                                         calendar: calendar, records: [record], asOf: asOf)
            let healthy = try Art60Progress(contract: contract, birthDate: Fixtures.date("1990-01-15"), rules: Fixtures.rules,
                                            calendar: calendar, records: [], asOf: asOf)
            XCTAssertEqual(sick.notCounted, [], name)
            XCTAssertEqual(sick.qualifyingDays, healthy.qualifyingDays, accuracy: 0.001, name)
            XCTAssertEqual(sick.projectedTargetDate, healthy.projectedTargetDate, name)
        }
    }

    /// Days acquired before the contract count from its first day: the worker reaches the target
    /// sooner by about those days, never later, and the days shown include them.
    func testDaysAcquiredBeforeTheContractBringTheTargetCloser() throws {
        var random = SeededGenerator(seed: 63)
        for run in 0..<40 {
            let start = Fixtures.date("2025-01-06").adding(days: Int.random(in: 0...600, using: &random))
            let prior = Int.random(in: 1...300, using: &random)
            let fresh = Art60Contract(id: "a60", employerCode: "CPAS-IXL", dossierID: "d1", start: start)
            var continued = fresh
            continued.priorDays = prior
            let asOf = start.adding(days: 30)
            let name = "run \(run), from \(start.iso), \(prior) days before"
            let without = try Art60Progress(contract: fresh, birthDate: Fixtures.date("1990-01-15"), rules: Fixtures.rules,
                                            calendar: calendar, records: [], asOf: asOf)
            let with = try Art60Progress(contract: continued, birthDate: Fixtures.date("1990-01-15"), rules: Fixtures.rules,
                                         calendar: calendar, records: [], asOf: asOf)
            XCTAssertEqual(with.qualifyingDays, without.qualifyingDays + Double(prior), accuracy: 0.001, name)
            let sooner = try XCTUnwrap(with.projectedTargetDate, name)
            let later = try XCTUnwrap(without.projectedTargetDate, name)
            XCTAssertLessThan(sooner, later, name)
            // A five-day week brings at most 7 calendar days for 5 counted days; weekends cost the rest.
            XCTAssertLessThanOrEqual(sooner.days(to: later), prior * 7 / 5 + 7, name)
        }
    }

    func testAContractAcrossTheReformUsesBothPolicies() throws {
        var random = SeededGenerator(seed: 63)
        for run in 0..<80 {
            let start = Fixtures.date("2025-03-03").adding(days: Int.random(in: 0...360, using: &random))
            let contract = Art60Contract(id: "a60", employerCode: "CPAS-IXL", dossierID: "d1", start: start)
            let asOf = reform.adding(days: Int.random(in: 0...300, using: &random))
            // An unjustified weekday in the week before the reform and one in the week after it.
            let before = Fixtures.date("2026-02-16").adding(days: Int.random(in: 0...4, using: &random))
            let after = Fixtures.date("2026-03-02").adding(days: Int.random(in: 0...4, using: &random))
            let records = [Fixtures.absence("u1", "unjustified", before.iso, status: .validated),
                           Fixtures.absence("u2", "unjustified", after.iso, status: .validated)]
            let result = try Art60Progress(contract: contract, birthDate: Fixtures.date("1990-01-15"), rules: Fixtures.rules,
                                           calendar: calendar, records: records, asOf: asOf)
            let name = "run \(run), start \(start.iso), as of \(asOf.iso)"
            XCTAssertEqual(result.dayPolicyIDs, ["pre-2026", "reform-2026"], name)
            // The day before the reform counts within the cap; the one after only extends (when it is a working day).
            if before >= start { XCTAssertEqual(result.unpaidCountedDays, 1, name) }
            XCTAssertEqual(result.unpaidCountedDays + result.lostDays + result.workedDays + result.assimilatedDays,
                           result.scheduledDays, name)
            XCTAssertTrue(result.notCounted.allSatisfy { $0.outcome == .extends && $0.typeCode == "unjustified" }, name)
        }
    }
}
