@testable import FicheDomain
import XCTest

/// The 2026 unemployment reform as dated data: from 1 March 2026 sickness paid by the
/// mutuality or insurer, the 10 unpaid days and vocational training no longer count toward the
/// 312 days, they only extend the reference window; each day is judged by the policy in force
/// that day and, for an incapacity, by who pays it (guaranteed salary or mutuality).
final class Art60ReformTests: XCTestCase {
    private let calendar = WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime)

    private func contract(start: String) -> Art60Contract {
        Art60Contract(id: "a60", employerCode: "CPAS-IXL", dossierID: "d1", start: Fixtures.date(start))
    }

    private func progress(start: String, records: [TimeRecord], asOf: String,
                          birth: String = "1990-01-15") throws -> Art60Progress {
        try Art60Progress(contract: contract(start: start), birthDate: Fixtures.date(birth), rules: Fixtures.rules,
                          calendar: calendar, records: records, asOf: Fixtures.date(asOf))
    }

    func testSicknessAndUnjustifiedMondaysAfterTheReform() throws {
        // Contract from Monday 2 March 2026, full time, no planned end: the reform policy,
        // 312 qualifying days = 260 working days × 6/5. Worked days and public holidays count
        // alike, so without absences the target falls on the 260th weekday, Friday 26 February 2027.
        //
        // Sickness 4 May – 26 June 2026: the employer pays the first 30 calendar days
        // (4 May – 2 June), which count; from 3 June the mutuality pays: 3–5, 8–12, 15–19 and
        // 22–26 June are 18 working days that do not count (no holiday in June). Its 24
        // calendar days (3–26 June, weekends inside included) extend the window.
        //
        // 12 unjustified Mondays (7 Sep – 30 Nov 2026, skipping the 2 November holiday): since
        // the reform none counts; the first 10 of the year extend the window, the last 2 are
        // over the yearly cap and do nothing.
        //
        // 18 + 12 = 30 working days more: 26 Feb 2027 + 30 weekdays = Friday 9 April 2027
        // (Easter Monday 29 March 2027 is a holiday on a working day, which counts). Before the
        // reform rules the sickness counted and 10 Mondays were within the cap: 2 days later
        // than 26 February. Window: 2 March 2026 + 36 months − 1 day = 1 March 2029,
        // + 24 + 10 days = 4 April 2029.
        let mondays = ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12",
                       "2026-10-19", "2026-10-26", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]
        let records = [Fixtures.absence("sick", "sick", "2026-05-04", "2026-06-26", status: .validated)]
            + mondays.map { Fixtures.absence("u-\($0)", "unjustified", $0, status: .validated) }
        let result = try progress(start: "2026-03-02", records: records, asOf: "2026-12-31")
        XCTAssertEqual(result.policyID, "reform-2026")
        XCTAssertEqual(result.targetDays, 312)
        XCTAssertEqual(result.projectedTargetDate?.iso, "2027-04-09")
        XCTAssertEqual(result.baseWindowEnd.iso, "2029-03-01")
        XCTAssertEqual(result.extensionDays, 34)
        XCTAssertEqual(result.windowEnd.iso, "2029-04-04")
        XCTAssertTrue(result.isWithinWindow)
        XCTAssertEqual(result.notCounted, [
            Art60NotCounted(typeCode: "sick", payer: .mutualityOrInsurer, outcome: .extends, overCap: false, days: 18),
            Art60NotCounted(typeCode: "unjustified", payer: .nobody, outcome: .extends, overCap: false, days: 10),
            Art60NotCounted(typeCode: "unjustified", payer: .nobody, outcome: .neither, overCap: true, days: 2),
        ])
        // Every scheduled day up to 31 December 2026 counted, except those 30.
        XCTAssertEqual(result.scheduledDays - result.lostDays, result.workedDays + result.assimilatedDays)
        XCTAssertEqual(result.qualifyingDays, (result.scheduledDays - 30) * 1.2, accuracy: 0.001)

        // What Fiche projected before the reform was data: the same target, every sickness day
        // counted and 10 Mondays within the cap, 2 Mondays lost: 26 February 2027 + 2 weekdays.
        let before = try Fixtures.rules.replacing(.art60Policies, with: """
            [[policy]]
            id = "reform-2026-target-only"
            valid_from = 2026-03-01
            unemployment_week_days = 6
            unpaid_cap_days_per_year = 10
            [[policy.band]]
            min_age = 0
            target_days = 312
            window_months = 36
            """)
        let old = try Art60Progress(contract: contract(start: "2026-03-02"), birthDate: Fixtures.date("1990-01-15"),
                                    rules: before, calendar: calendar, records: records, asOf: Fixtures.date("2026-12-31"))
        XCTAssertEqual(old.projectedTargetDate?.iso, "2027-03-02")

        // By 30 June: 87 weekdays (March 22, April 22, May 21, June 22), 18 paid by the mutuality.
        let june = try progress(start: "2026-03-02", records: records, asOf: "2026-06-30")
        XCTAssertEqual(june.scheduledDays, 87)
        XCTAssertEqual(june.qualifyingDays, 69 * 1.2, accuracy: 0.001)
        XCTAssertEqual(june.remainingDays, 312 - 69 * 1.2, accuracy: 0.001)
    }

    func testEachAbsenceTypeBeforeAndAfterTheReform() throws {
        // One absence of Monday to Friday (5 working days, no holiday in those weeks) in a
        // contract from 1 September 2025, before the reform (12–16 January 2026) and after it
        // (1–5 June 2026). The long sickness and accident run 6 weeks from the Monday (42
        // calendar days): the last 12 (1–12 July after the reform) are past the guaranteed
        // salary, 8 of them working days (1–3 and 6–10 July).
        enum Expected: Equatable { case counts, extends(DayPayer, days: Double, calendarDays: Int), neither(DayPayer, days: Double) }
        let cases: [(type: String, weeks: Int, before: Expected, after: Expected)] = [
            ("annual_leave", 1, .counts, .counts),
            ("sick", 1, .counts, .counts),
            ("sick", 6, .counts, .extends(.mutualityOrInsurer, days: 8, calendarDays: 12)),
            ("work_accident", 6, .counts, .extends(.mutualityOrInsurer, days: 8, calendarDays: 12)),
            ("maternity", 1, .counts, .counts),
            ("circumstance", 1, .counts, .counts),
            ("compensatory_rest", 1, .counts, .counts),
            ("strike", 1, .counts, .counts),
            ("unjustified", 1, .counts, .extends(.nobody, days: 5, calendarDays: 5)),
            ("training", 1, .counts, .extends(.employer, days: 5, calendarDays: 5)),
            ("time_credit", 1, .neither(.nobody, days: 5), .neither(.nobody, days: 5)),
        ]
        for (type, weeks, before, after) in cases {
            for (monday, expected, policy) in [("2026-01-12", before, "pre-2026"), ("2026-06-01", after, "reform-2026")] {
                let first = Fixtures.date(monday)
                // 6 weeks from a Monday end on the Sunday of the 6th week: 42 calendar days, 30 working days.
                let last = weeks == 1 ? first.adding(days: 4) : first.adding(days: 7 * weeks - 1)
                let record = Fixtures.absence("a", type, monday, last.iso, status: .validated)
                let name = "\(type) \(weeks) week(s) from \(monday)"
                let result = try progress(start: "2025-09-01", records: [record], asOf: last.iso)
                XCTAssertEqual(result.dayPolicyIDs.last, policy, name)
                switch expected {
                case .counts:
                    XCTAssertEqual(result.notCounted, [], name)
                    XCTAssertEqual(result.extensionDays, 0, name)
                case .extends(let payer, let days, let calendarDays):
                    XCTAssertEqual(result.notCounted, [Art60NotCounted(typeCode: type, payer: payer, outcome: .extends,
                                                                       overCap: false, days: days)], name)
                    XCTAssertEqual(result.extensionDays, calendarDays, name)
                case .neither(let payer, let days):
                    XCTAssertEqual(result.notCounted, [Art60NotCounted(typeCode: type, payer: payer, outcome: .neither,
                                                                       overCap: false, days: days)], name)
                    XCTAssertEqual(result.extensionDays, 0, name)
                }
                XCTAssertEqual(result.qualifyingDays, (result.scheduledDays - result.lostDays) * 1.2, accuracy: 0.001, name)
            }
        }
    }

    func testAContractAcrossTheReformChangesRulesOnFirstMarch() throws {
        // Unjustified Thursday–Friday 26–27 February 2026 (old policy: within the yearly 10,
        // they count) and Monday–Tuesday 2–3 March (new policy: they only extend the window).
        let records = [Fixtures.absence("u1", "unjustified", "2026-02-26", "2026-02-27", status: .validated),
                       Fixtures.absence("u2", "unjustified", "2026-03-02", "2026-03-03", status: .validated)]
        let result = try progress(start: "2025-09-01", records: records, asOf: "2026-03-31")
        XCTAssertEqual(result.dayPolicyIDs, ["pre-2026", "reform-2026"])
        XCTAssertEqual(result.unpaidCountedDays, 2)
        XCTAssertEqual(result.notCounted, [Art60NotCounted(typeCode: "unjustified", payer: .nobody, outcome: .extends,
                                                           overCap: false, days: 2)])
        XCTAssertEqual(result.extensionDays, 2)
        // The yearly cap of 10 unpaid days is one count for the calendar year across both
        // policies: after 10 days in January, March days are over it and do not even extend.
        let january = Fixtures.absence("jan", "unjustified", "2026-01-05", "2026-01-16", status: .validated)
        let capped = try progress(start: "2025-09-01", records: [january] + records.suffix(1), asOf: "2026-03-31")
        XCTAssertEqual(capped.unpaidCountedDays, 10)
        XCTAssertEqual(capped.notCounted, [Art60NotCounted(typeCode: "unjustified", payer: .nobody, outcome: .neither,
                                                           overCap: true, days: 2)])
        XCTAssertEqual(capped.extensionDays, 0)
    }

    func testAPolicyFileWithoutDayLinesFallsBackOnTheCatalogue() throws {
        let rules = try Fixtures.rules.replacing(.art60Policies, with: """
            [[policy]]
            id = "only"
            valid_from = 2020-01-01
            unemployment_week_days = 6
            unpaid_cap_days_per_year = 10
            [[policy.band]]
            min_age = 0
            target_days = 312
            window_months = 36
            """)
        let sick = Fixtures.absence("s", "sick", "2026-04-13", "2026-05-24", status: .validated)
        let result = try Art60Progress(contract: contract(start: "2025-09-01"), birthDate: Fixtures.date("1990-01-15"),
                                       rules: rules, calendar: calendar, records: [sick], asOf: Fixtures.date("2026-05-31"))
        XCTAssertEqual(result.notCounted, [])
        XCTAssertThrowsError(try Fixtures.rules.replacing(.art60Policies, with: """
            [[policy]]
            id = "p"
            valid_from = 2020-01-01
            unemployment_week_days = 6
            unpaid_cap_days_per_year = 10
            [[policy.band]]
            min_age = 0
            target_days = 312
            window_months = 36
            [[policy.day]]
            types = ["sickness"]
            outcome = "extends"
            """)) { error in
            XCTAssertEqual((error as? RuleFileError)?.description,
                           "art60-policies.toml:11: unknown absence type 'sickness' in [[policy.day]] 1 of 'p'")
        }
    }
}
