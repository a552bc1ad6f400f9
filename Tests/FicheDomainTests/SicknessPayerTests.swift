@testable import FicheDomain
import XCTest

/// Who pays a contract worker's incapacity days: 30 calendar days of guaranteed salary by the
/// employer, then the mutuality; a new incapacity within 14 days continues the same period.
final class SicknessPayerTests: XCTestCase {
    private func d(_ text: String) -> LocalDate { Fixtures.date(text) }

    func testTheShippedRuleIsThirtyDaysWithFourteenDaysOfRelapse() {
        XCTAssertEqual(Fixtures.rules.guaranteedSalary.calendarDays, 30)
        XCTAssertEqual(Fixtures.rules.guaranteedSalary.relapseDays, 14)
        XCTAssertFalse(Fixtures.rules.guaranteedSalary.source.isEmpty)
    }

    func testPayerByDay() {
        // (name, incapacities, [(day, payer)])
        let cases: [(String, [(String, String)], [(String, DayPayer?)])] = [
            // 4 May is day 1, 31 May day 28, 2 June day 30: the employer's last day.
            ("one long incapacity", [("2026-05-04", "2026-06-26")],
             [("2026-05-03", nil), ("2026-05-04", .employer), ("2026-06-02", .employer),
              ("2026-06-03", .mutualityOrInsurer), ("2026-06-26", .mutualityOrInsurer), ("2026-06-27", nil)]),
            // 20 days (1-20 Jan), back to work, ill again on 30 Jan (9 days after the end of
            // the first one, within 14): 10 guaranteed days remain, 30 Jan to 8 Feb.
            ("relapse within 14 days continues the period", [("2026-01-01", "2026-01-20"), ("2026-01-30", "2026-02-28")],
             [("2026-01-20", .employer), ("2026-01-25", nil), ("2026-02-08", .employer), ("2026-02-09", .mutualityOrInsurer)]),
            // Ill again on 3 Feb, the 14th day after 20 Jan: still a relapse.
            ("relapse on the 14th day", [("2026-01-01", "2026-01-20"), ("2026-02-03", "2026-02-28")],
             [("2026-02-12", .employer), ("2026-02-13", .mutualityOrInsurer)]),
            // Ill again on 4 Feb, the 15th day after: a new incapacity, 30 new days (4 Feb to 5 Mar).
            ("a new incapacity after 14 days", [("2026-01-01", "2026-01-20"), ("2026-02-04", "2026-03-31")],
             [("2026-02-13", .employer), ("2026-03-05", .employer), ("2026-03-06", .mutualityOrInsurer)]),
            // The guaranteed period was used up: a relapse is paid by the mutuality from its first day.
            ("relapse after the period was used", [("2026-01-01", "2026-02-15"), ("2026-02-20", "2026-02-25")],
             [("2026-01-30", .employer), ("2026-01-31", .mutualityOrInsurer), ("2026-02-20", .mutualityOrInsurer)]),
            // Two records one after the other (a prolongation certificate) are one incapacity.
            ("touching records are one incapacity", [("2026-03-02", "2026-03-20"), ("2026-03-21", "2026-04-30")],
             [("2026-03-31", .employer), ("2026-04-01", .mutualityOrInsurer)]),
            ("overlapping records count each day once", [("2026-03-02", "2026-03-20"), ("2026-03-10", "2026-04-30")],
             [("2026-03-31", .employer), ("2026-04-01", .mutualityOrInsurer)]),
        ]
        for (name, incapacities, days) in cases {
            let payer = SicknessPayer(rule: Fixtures.rules.guaranteedSalary,
                                      incapacities: incapacities.map { d($0.0)...d($0.1) })
            for (day, expected) in days {
                XCTAssertEqual(payer.payer(on: d(day)), expected, "\(name): \(day)")
            }
        }
    }

    func testTheRuleIsReadFromItsFile() throws {
        let rules = try Fixtures.rules.replacing(.guaranteedSalary, with: """
            [contract_staff]
            calendar_days = 7
            relapse_days = 0
            source = "test"
            """)
        let payer = SicknessPayer(rule: rules.guaranteedSalary, incapacities: [d("2026-05-04")...d("2026-05-31")])
        XCTAssertEqual(payer.payer(on: d("2026-05-10")), .employer)
        XCTAssertEqual(payer.payer(on: d("2026-05-11")), .mutualityOrInsurer)
        XCTAssertThrowsError(try Fixtures.rules.replacing(.guaranteedSalary, with: "[contract_staff]\ncalendar_days = 30\n")) { error in
            XCTAssertEqual((error as? RuleFileError)?.description.hasPrefix("guaranteed-salary.toml:"), true, "\(error)")
        }
    }
}
