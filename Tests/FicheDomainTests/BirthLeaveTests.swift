@testable import FicheDomain
import XCTest

/// Birth leave (`birth_leave`, Rules/absence-types.toml; loi du 3 juillet 1978, art. 30 §2, 20
/// days since 2023): the employer pays a contract worker the first 3 working days of each
/// birth, the mutuality the others; statutory staff keep their salary every day. Fiche stores no
/// birth date: a day more than 4 months after the first day of a birth's leave opens a new birth.
final class BirthLeaveTests: XCTestCase {
    private func validated(_ id: String, _ from: String, _ to: String? = nil, type: String = "birth_leave") -> TimeRecord {
        var record = Fixtures.absence(id, type, from, to)
        record.status = .validated
        return record
    }

    private func variables(_ month: String, _ category: StaffCategory, _ records: [TimeRecord],
                           schedule: WorkSchedule = .fullTime) throws -> PayrollVariables {
        let period = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2020-01-01"), grade: "C2", scale: "C2",
                                  regime: schedule.regime, schedule: schedule, category: category)
        let career = Career(periods: [period])
        return PayrollVariables(dossierID: "d1", month: try YearMonth.parse(month), career: career, category: category,
                                calendar: WorkCalendar(holidays: Fixtures.brussels, career: career), records: records,
                                catalogue: Fixtures.rules.absenceCatalogue, guaranteedSalary: Fixtures.rules.guaranteedSalary,
                                sickLeaveCapital: Fixtures.rules.sickLeaveCapital)
    }

    /// The shipped type: 3 employer days for contract staff, a 4-month window, the mutuality
    /// after, the employer every day for statutory staff and trainees.
    func testTheShippedType() throws {
        let type = try Fixtures.rules.absenceCatalogue.require("birth_leave")
        let rule = try XCTUnwrap(type.employerDays)
        XCTAssertEqual(rule.days, 3)
        XCTAssertEqual(rule.windowMonths, 4)
        XCTAssertEqual(rule.categories, [.contractual, .subsidisedContractual, .art60])
        XCTAssertTrue(rule.source.contains("art. 30 §2"))
        XCTAssertEqual(type.payer(for: .contractual), .mutualityOrInsurer)
        XCTAssertEqual(type.payer(for: .statutory), .employer)
        XCTAssertEqual(type.payer(for: .trainee), .employer)
        XCTAssertEqual(type.possiblePayers, [.employer, .mutualityOrInsurer])
    }

    /// Ten days from Monday 7 September 2026: days 1–3 the employer's, 4–10 the mutuality's;
    /// the same for every contract category; a statutory worker or a trainee is paid all ten.
    func testFirstThreeDaysEmployerThenMutualityByCategory() throws {
        let leave = [validated("b", "2026-09-07", "2026-09-18")]
        let cases: [(StaffCategory, [String: Double], [String: Double])] = [
            (.contractual, ["birth_leave": 3], ["birth_leave": 7]),
            (.subsidisedContractual, ["birth_leave": 3], ["birth_leave": 7]),
            (.art60, ["birth_leave": 3], ["birth_leave": 7]),
            (.statutory, ["birth_leave": 10], [:]),
            (.trainee, ["birth_leave": 10], [:]),
        ]
        for (category, paid, mutuality) in cases {
            let v = try variables("2026-09", category, leave)
            XCTAssertEqual(v.paidAbsenceDays, paid, "\(category)")
            XCTAssertEqual(v.mutualityAbsenceDays, mutuality, "\(category)")
            XCTAssertEqual(v.sicknessDays, 0, "birth leave is no sickness")
            XCTAssertEqual(v.workedDays, 12, "\(category)")
        }
    }

    /// The days of one birth are told from the next by the 4-month window from its first day
    /// (7 September: until 7 January): days taken in December are the first birth's (the
    /// mutuality's), a day on 8 January opens a new birth, and a birth 5 months after the first
    /// gets 3 employer days again.
    func testEachBirthHasItsThreeEmployerDays() throws {
        let first = validated("b1", "2026-09-07", "2026-09-09")
        let later = validated("b2", "2026-12-07", "2026-12-08")
        let cases: [(month: String, record: TimeRecord, paid: Double?, mutuality: Double?)] = [
            ("2026-09", first, 3, nil),
            ("2026-12", later, nil, 2),
            ("2027-01", validated("b3", "2027-01-07"), nil, 1),
            ("2027-01", validated("b4", "2027-01-08", "2027-01-13"), 3, 1),
            ("2027-02", validated("b5", "2027-02-08", "2027-02-12"), 3, 2),
        ]
        for (month, record, paid, mutuality) in cases {
            let v = try variables(month, .contractual, [first, later, record])
            XCTAssertEqual(v.paidAbsenceDays["birth_leave"], paid, "\(record.id)")
            XCTAssertEqual(v.mutualityAbsenceDays["birth_leave"], mutuality, "\(record.id)")
        }
        let payer = EmployerDaysPayer(rule: try XCTUnwrap(Fixtures.rules.absenceCatalogue.require("birth_leave").employerDays),
                                      typeCode: "birth_leave", career: Career(periods: []), category: .contractual,
                                      calendar: WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime),
                                      records: [first, later, validated("b5", "2027-02-08", "2027-02-12")])
        XCTAssertEqual(payer.eventStarts.map(\.iso), ["2026-09-07", "2027-02-08"])
    }

    /// Working days of the worker: on a half-time week of mornings, the 3 days are 6 mornings;
    /// a holiday inside the first days uses none of them and is paid as a holiday.
    func testWorkingDaysOfTheWorkerAndHolidays() throws {
        let mornings = try WorkSchedule.usual(for: .parse("1/2"))
        let v = try variables("2026-09", .contractual, [validated("b", "2026-09-07", "2026-09-18")], schedule: mornings)
        XCTAssertEqual(v.paidAbsenceDays, ["birth_leave": 3], "6 mornings")
        XCTAssertEqual(v.mutualityAbsenceDays, ["birth_leave": 2], "4 mornings")

        // 2 and 3 November 2026 are holidays: the 3 days are 4, 5 and 6 November; the holidays
        // are paid as such, 11 November (after the leave) too.
        let november = try variables("2026-11", .contractual, [validated("b", "2026-11-02", "2026-11-10")])
        XCTAssertEqual(november.paidAbsenceDays, ["birth_leave": 3, "public_holiday": 3])
        XCTAssertEqual(november.mutualityAbsenceDays, ["birth_leave": 2], "9 and 10 November")
    }

    /// The sub-table is read strictly.
    func testTheRuleIsReadStrictly() throws {
        let text = try XCTUnwrap(Fixtures.rules.texts[.absenceTypes])
        let cases: [(String, String, String)] = [
            ("days = 3\n", "days = 3\nhours = 24\n", "unknown key 'hours' in [absence_type.employer_days]"),
            ("days = 3\n", "days = -3\n", "days must not be negative"),
            ("window_months = 4", "window_months = 0", "window_months must be at least 1"),
            ("categories = [\"contractual\", \"subsidised_contractual\", \"art60\"]\n# Fiche",
             "categories = [\"contractor\"]\n# Fiche", "unknown staff category 'contractor'"),
        ]
        for (old, new, message) in cases {
            XCTAssertTrue(text.contains(old), old)
            XCTAssertThrowsError(try Fixtures.rules.replacing(.absenceTypes, with: text.replacingOccurrences(of: old, with: new)),
                                 new) { error in
                XCTAssertTrue("\(error)".contains(message), "\(new): \(error)")
                XCTAssertTrue("\(error)".hasPrefix("absence-types.toml:"), "\(error)")
            }
        }
        let five = try Fixtures.rules.replacing(.absenceTypes, with: text.replacingOccurrences(of: "days = 3\n", with: "days = 5\n"))
        XCTAssertEqual(try five.absenceCatalogue.require("birth_leave").employerDays?.days, 5, "the number is data")
    }
}
