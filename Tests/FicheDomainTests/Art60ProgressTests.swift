@testable import FicheDomain
import XCTest

final class Art60ProgressTests: XCTestCase {
    private let calendar = WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime)

    private func contract(start: String, end: String? = nil) -> Art60Contract {
        Art60Contract(id: "a60", employerCode: "CPAS-IXL", dossierID: "d1", start: Fixtures.date(start),
                      end: end.map { Fixtures.date($0) })
    }

    private func absences(_ type: String, _ dates: [(String, String)], status: TimeRecordStatus = .submitted) -> [TimeRecord] {
        dates.enumerated().map { index, range in
            Fixtures.absence("\(type)-\(index)", type, range.0, range.1, status: status)
        }
    }

    func testUnjustifiedAbsencesPushTheProjectedEndBack() throws {
        // Aged 26 at the start: 312 days in 21 months. 312 qualifying days = 260 weekdays × 6/5,
        // so without absences the target falls on the 260th weekday: 27 February 2026.
        let birth = Fixtures.date("1998-04-10")
        let start = "2025-03-03"
        let thirteenDays = [("2025-03-10", "2025-03-14"), ("2025-03-17", "2025-03-21"), ("2025-03-24", "2025-03-26")]
        let cases: [(String, [TimeRecord], String, Double, Double)] = [
            ("no absence", [], "2026-02-27", 25.2, 0),
            ("3 unjustified days: within the yearly 10", absences("unjustified", [("2025-03-10", "2025-03-12")]),
             "2026-02-27", 25.2, 0),
            ("13 unjustified days: 3 over the cap", absences("unjustified", thirteenDays), "2026-03-04", 21.6, 3),
            ("13 rejected unjustified days", absences("unjustified", thirteenDays, status: .rejected), "2026-02-27", 25.2, 0),
            ("13 sick days count", absences("sick", thirteenDays), "2026-02-27", 25.2, 0),
            ("5 days of time credit never count", absences("time_credit", [("2025-03-10", "2025-03-14")]),
             "2026-03-06", 19.2, 5),
            ("half day unjustified after 10 days", absences("unjustified", [("2025-03-10", "2025-03-14"),
                                                                            ("2025-03-17", "2025-03-21")])
                + [Fixtures.absence("u-pm", "unjustified", "2025-03-24", part: .afternoon)], "2026-03-02", 24.6, 0.5),
        ]
        for (name, records, projected, counted, lost) in cases {
            let progress = try Art60Progress(contract: contract(start: start), birthDate: birth, rules: Fixtures.rules,
                                             calendar: calendar, records: records, asOf: Fixtures.date("2025-03-31"))
            // The target comes from the policy in force when the contract ends, here (no planned
            // end) the day the target is reached: from 1 March 2026, the reform's 312 days too.
            XCTAssertEqual(progress.policyID, projected < "2026-03-01" ? "pre-2026" : "reform-2026", name)
            XCTAssertEqual(progress.targetDays, 312, name)
            XCTAssertEqual(progress.projectedTargetDate?.iso, projected, name)
            XCTAssertEqual(progress.qualifyingDays, counted, accuracy: 0.001, name)
            XCTAssertEqual(progress.lostDays, lost, name)
            XCTAssertFalse(progress.isReached, name)
            XCTAssertTrue(progress.isWithinWindow, name)
        }
    }

    func testUnpaidCapResetsEachCalendarYear() throws {
        // 10 unjustified days in December 2025 and 10 in January 2026: all count.
        let records = absences("unjustified", [("2025-12-01", "2025-12-12"), ("2026-01-05", "2026-01-16")])
        let progress = try Art60Progress(contract: contract(start: "2025-03-03"), birthDate: Fixtures.date("1998-04-10"),
                                         rules: Fixtures.rules, calendar: calendar, records: records,
                                         asOf: Fixtures.date("2026-01-31"))
        XCTAssertEqual(progress.unpaidCountedDays, 20)
        XCTAssertEqual(progress.lostDays, 0)
        XCTAssertEqual(progress.projectedTargetDate?.iso, "2026-02-27")
    }

    func testTargetFollowsThePolicyAndTheAgeWhenTheContractEnds() throws {
        // Worked days and holidays count alike: N qualifying days are reached on the
        // (N / 1.2)th weekday from the start (312 → 260 weekdays = 52 weeks, 468 → 390 = 78 weeks).
        let cases: [(String, String?, String, String, Int, String, String)] = [
            // start, planned end, birth, policy, target, projected, window end
            // Planned end before the reform, aged 35 at the start but 36 at the end: 468 in 33 months.
            ("2025-03-03", "2026-02-27", "1990-02-15", "pre-2026", 468, "2026-08-28", "2027-12-02"),
            // The same worker, planned to end after 1 March 2026: the reform's 312 in 36 months.
            ("2025-03-03", "2026-06-30", "1990-02-15", "reform-2026", 312, "2026-02-27", "2028-03-02"),
            ("2026-03-02", nil, "1970-01-15", "reform-2026", 312, "2027-02-26", "2029-03-01"),
            // No planned end, aged 39 at the start: 468 days were not reached by 28 February 2026
            // (195 weekdays = 234 days); from 1 March the target is 312, reached on the 260th weekday.
            ("2025-06-02", nil, "1985-07-30", "reform-2026", 312, "2026-05-29", "2028-06-01"),
        ]
        for (start, plannedEnd, birth, policy, target, projected, windowEnd) in cases {
            var worker = contract(start: start)
            worker.plannedEnd = plannedEnd.map { Fixtures.date($0) }
            let progress = try Art60Progress(contract: worker, birthDate: Fixtures.date(birth),
                                             rules: Fixtures.rules, calendar: calendar, records: [],
                                             asOf: Fixtures.date(start))
            XCTAssertEqual(progress.policyID, policy, start)
            XCTAssertEqual(progress.targetDays, target, start)
            XCTAssertEqual(progress.projectedTargetDate?.iso, projected, start)
            XCTAssertEqual(progress.windowEnd.iso, windowEnd, start)
        }
    }

    func testAPlannedEndBeforeTheTargetAsksForAnExtensionToTheTarget() throws {
        // Planned to end on 27 February 2026, aged 36 then: 468 days, reached on 28 August 2026.
        var worker = contract(start: "2025-03-03")
        worker.plannedEnd = Fixtures.date("2026-02-27")
        let short = try Art60Progress(contract: worker, birthDate: Fixtures.date("1990-02-15"), rules: Fixtures.rules,
                                      calendar: calendar, records: [], asOf: Fixtures.date("2025-03-03"))
        XCTAssertEqual(short.extensionNeeded(contractEnd: worker.plannedEnd)?.iso, "2026-08-28")
        // Ending on the day the target is reached, or later, or without an end: nothing to extend.
        XCTAssertNil(short.extensionNeeded(contractEnd: Fixtures.date("2026-08-28")))
        XCTAssertNil(short.extensionNeeded(contractEnd: Fixtures.date("2026-09-30")))
        XCTAssertNil(short.extensionNeeded(contractEnd: nil))
        // A fixed end the target cannot be reached by: no date is projected, so none to extend
        // to (the tab says the target is out of reach).
        let ended = try Art60Progress(contract: contract(start: "2025-03-03", end: "2025-06-30"),
                                      birthDate: Fixtures.date("1998-04-10"), rules: Fixtures.rules, calendar: calendar,
                                      records: [], asOf: Fixtures.date("2025-04-30"))
        XCTAssertNil(ended.extensionNeeded(contractEnd: Fixtures.date("2025-06-30")))
    }

    func testReachedAndEndedContracts() throws {
        let birth = Fixtures.date("1998-04-10")
        let reached = try Art60Progress(contract: contract(start: "2025-03-03"), birthDate: birth, rules: Fixtures.rules,
                                        calendar: calendar, records: [], asOf: Fixtures.date("2026-03-15"))
        XCTAssertTrue(reached.isReached)
        XCTAssertEqual(reached.remainingDays, 0)
        let ended = try Art60Progress(contract: contract(start: "2025-03-03", end: "2025-06-30"), birthDate: birth,
                                      rules: Fixtures.rules, calendar: calendar, records: [],
                                      asOf: Fixtures.date("2025-12-31"))
        XCTAssertNil(ended.projectedTargetDate)
        XCTAssertFalse(ended.isReached)
    }

    func testOnlyACPASEmploysUnderArticle60() {
        XCTAssertNoThrow(try Art60Contract.checkEmployer(Fixtures.cpas))
        XCTAssertThrowsError(try Art60Contract.checkEmployer(Fixtures.commune)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "art60.not_cpas")
        }
    }

    func testPlacementAgreementIsSignedBeforeTheStart() {
        let cases: [(String?, String?)] = [("2025-03-01", nil), ("2025-03-03", nil), ("2025-03-04", "placement.agreement"),
                                           (nil, "placement.agreement")]
        for (signed, expected) in cases {
            let placement = Placement(id: "pl", contractID: "a60", partnerID: "asbl", start: Fixtures.date("2025-03-03"),
                                      agreementSignedOn: signed.map { Fixtures.date($0) }, monthlyFeeCents: 25_000)
            do {
                try placement.check()
                XCTAssertNil(expected, signed ?? "unsigned")
            } catch {
                XCTAssertEqual(error.code, expected, signed ?? "unsigned")
            }
        }
        XCTAssertTrue(Art60EventKind.normalEnd.endsContract)
        XCTAssertEqual(Art60Contract.endChecklist, ["social_risk_declaration", "c4_form"])
    }
}
