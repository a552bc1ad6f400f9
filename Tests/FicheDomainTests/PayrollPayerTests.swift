@testable import FicheDomain
import XCTest

/// Who pays each absence day in the payroll variables (Rules/absence-types.toml,
/// Rules/guaranteed-salary.toml): the employer's salary or guaranteed salary (`paid_…`), the
/// mutuality or the insurer (`mutuality_…`), or nobody (`unpaid_…`), by staff category.
/// November 2026 in Brussels: 21 weekdays; 2 Nov, 3 Nov (for All Saints on Sunday) and 11 Nov
/// are holidays.
final class PayrollPayerTests: XCTestCase {
    private func validated(_ id: String, _ type: String, _ from: String, _ to: String? = nil,
                           part: DayPart = .full) -> TimeRecord {
        var record = Fixtures.absence(id, type, from, to, part: part, certificate: true)
        record.status = .validated
        return record
    }

    private func variables(_ month: String, _ category: StaffCategory, _ records: [TimeRecord]) throws -> PayrollVariables {
        let period = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2020-01-01"), grade: "C2", scale: "C2",
                                  regime: .fullTime, schedule: .fullTime, category: category)
        let career = Career(periods: [period])
        return PayrollVariables(dossierID: "d1", month: try YearMonth.parse(month), career: career, category: category,
                                calendar: WorkCalendar(holidays: Fixtures.brussels, career: career), records: records,
                                catalogue: Fixtures.rules.absenceCatalogue,
                                guaranteedSalary: Fixtures.rules.guaranteedSalary, sickLeaveCapital: Fixtures.rules.sickLeaveCapital)
    }

    /// Issue 19: a contract worker sick since 1 October. The guaranteed month ends on
    /// 30 October; in November the mutuality pays every day, the holidays inside too.
    func testContractWorkerSickSinceFirstOctober() throws {
        let sick = [validated("s", "sick", "2026-10-01", "2026-11-30")]
        let october = try variables("2026-10", .contractual, sick)
        XCTAssertEqual(october.paidAbsenceDays, ["sick": 22], "22 weekdays, 1–30 October")
        XCTAssertEqual(october.guaranteedSalaryDays, 22)
        XCTAssertEqual(october.mutualitySickDays, 0)

        let november = try variables("2026-11", .contractual, sick)
        XCTAssertEqual(november.paidAbsenceDays, [:], "no paid_sick, no paid holiday")
        XCTAssertEqual(november.mutualityAbsenceDays, ["sick": 21])
        XCTAssertEqual(november.mutualitySickDays, 21)
        XCTAssertEqual(november.guaranteedSalaryDays, 0)
        XCTAssertEqual(november.sicknessDays, 21)
        XCTAssertEqual(november.workedDays, 0)
        XCTAssertEqual(november.incapacityStarts, [Fixtures.date("2026-10-01")], "the first day of the incapacity")
    }

    /// A statutory worker in service since 2020 keeps the salary (40 sick days of a capital of
    /// 126, SickLeaveCapitalTests): paid_sick, and the holidays are paid as holidays.
    func testStatutoryWorkerSickSinceFirstOctober() throws {
        let november = try variables("2026-11", .statutory, [validated("s", "sick", "2026-10-01", "2026-11-30")])
        XCTAssertEqual(november.paidAbsenceDays, ["sick": 18, "public_holiday": 3])
        XCTAssertEqual(november.mutualityAbsenceDays, [:])
        XCTAssertEqual(november.guaranteedSalaryDays, 0)
        XCTAssertEqual(november.mutualitySickDays, 0)
        XCTAssertEqual(november.sicknessDays, 18)
    }

    /// Sick 12–23 October (12 days), ill again on 4 November (12 days later: a relapse): 18
    /// guaranteed days remain, 4–21 November; the mutuality pays from 22 November. Without the
    /// October record the month would wrongly open 30 new days.
    func testRelapseAcrossTheMonthEnd() throws {
        let october = validated("s1", "sick", "2026-10-12", "2026-10-23")
        let november = validated("s2", "sick", "2026-11-04", "2026-11-30")
        let v = try variables("2026-11", .contractual, [october, november])
        XCTAssertEqual(v.paidAbsenceDays, ["sick": 12, "public_holiday": 3])
        XCTAssertEqual(v.guaranteedSalaryDays, 12)
        XCTAssertEqual(v.mutualityAbsenceDays, ["sick": 6], "23–27 and 30 November")
        XCTAssertEqual(v.mutualitySickDays, 6)
        XCTAssertEqual(v.incapacityStarts, [Fixtures.date("2026-11-04")])

        let alone = try variables("2026-11", .contractual, [november])
        XCTAssertEqual(alone.paidAbsenceDays["sick"], 18)
        XCTAssertEqual(alone.mutualitySickDays, 0)
    }

    /// Maternity: the mutuality pays contract staff, the employer statutory staff and trainees.
    func testMaternityByStaffCategory() throws {
        // September 2026: 22 weekdays, no holiday.
        let leave = [validated("m", "maternity", "2026-09-01", "2026-09-30")]
        let cases: [(StaffCategory, [String: Double], [String: Double])] = [
            (.contractual, [:], ["maternity": 22]),
            (.subsidisedContractual, [:], ["maternity": 22]),
            (.art60, [:], ["maternity": 22]),
            (.statutory, ["maternity": 22], [:]),
            (.trainee, ["maternity": 22], [:]),
        ]
        for (category, paid, mutuality) in cases {
            let v = try variables("2026-09", category, leave)
            XCTAssertEqual(v.paidAbsenceDays, paid, "\(category)")
            XCTAssertEqual(v.mutualityAbsenceDays, mutuality, "\(category)")
            XCTAssertEqual(v.mutualitySickDays, 0, "maternity is not sickness")
        }
    }

    /// A full career break in November: nobody pays, the three holidays inside included.
    /// A holiday inside annual leave stays a paid holiday.
    func testHolidaysInsideAnAbsence() throws {
        let breakMonth = try variables("2026-11", .contractual, [validated("b", "time_credit", "2026-11-01", "2026-11-30")])
        XCTAssertEqual(breakMonth.unpaidAbsenceDays, ["time_credit": 21])
        XCTAssertEqual(breakMonth.paidAbsenceDays, [:])
        XCTAssertEqual(breakMonth.workedDays, 0)

        let leave = try variables("2026-11", .contractual, [validated("l", "annual_leave", "2026-11-02", "2026-11-06")])
        XCTAssertEqual(leave.paidAbsenceDays, ["annual_leave": 3, "public_holiday": 3])
        XCTAssertEqual(leave.workedDays, 15)

        // Half-time career break taken as mornings: the holiday's afternoon is still paid.
        let mornings = try variables("2026-11", .contractual,
                                     [validated("h", "time_credit", "2026-11-02", "2026-11-03", part: .morning)])
        XCTAssertEqual(mornings.unpaidAbsenceDays, ["time_credit": 1])
        XCTAssertEqual(mornings.paidAbsenceDays, ["public_holiday": 2])
    }

    /// The category of the day comes from the career period: appointed on 16 November, the
    /// worker's sickness after it is paid by the statute.
    func testTheCategoryOfTheDay() throws {
        let contract = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2020-01-01"), grade: "C2", scale: "C2",
                                    regime: .fullTime, schedule: .fullTime, category: .contractual)
        let appointed = CareerPeriod(id: "c2", dossierID: "d1", start: Fixtures.date("2026-11-16"), grade: "C2",
                                     scale: "C2", regime: .fullTime, schedule: .fullTime, category: .statutory)
        let career = try Career(periods: [contract]).opening(appointed)
        let v = PayrollVariables(dossierID: "d1", month: try YearMonth.parse("2026-11"), career: career,
                                 category: .statutory, calendar: WorkCalendar(holidays: Fixtures.brussels, career: career),
                                 records: [validated("s", "sick", "2026-10-01", "2026-11-30")],
                                 catalogue: Fixtures.rules.absenceCatalogue,
                                 guaranteedSalary: Fixtures.rules.guaranteedSalary, sickLeaveCapital: Fixtures.rules.sickLeaveCapital)
        // 2–13 November under contract: 10 weekdays, 3 of them holidays, all paid by the mutuality.
        XCTAssertEqual(v.mutualityAbsenceDays, ["sick": 10])
        // 16–30 November statutory: 11 weekdays, paid by the employer.
        XCTAssertEqual(v.paidAbsenceDays, ["sick": 11])
    }

    /// The payers are data: the file's payer per category, the categories under the guaranteed salary.
    func testPayersAreReadFromTheRuleFiles() throws {
        let maternity = try Fixtures.rules.absenceCatalogue.require("maternity")
        XCTAssertEqual(maternity.payer(for: .contractual), .mutualityOrInsurer)
        XCTAssertEqual(maternity.payer(for: .statutory), .employer)
        XCTAssertEqual(maternity.possiblePayers, [.employer, .mutualityOrInsurer])
        XCTAssertEqual(try Fixtures.rules.absenceCatalogue.require("sick").possiblePayers, [.employer, .mutualityOrInsurer])
        XCTAssertEqual(try Fixtures.rules.absenceCatalogue.require("strike").possiblePayers, [.nobody])
        XCTAssertEqual(Fixtures.rules.guaranteedSalary.categories, [.contractual, .subsidisedContractual, .art60])
        let text = try XCTUnwrap(Fixtures.rules.texts[.absenceTypes])
        XCTAssertThrowsError(try Fixtures.rules.replacing(.absenceTypes, with: text.replacingOccurrences(
            of: "statutory = \"employer\", trainee", with: "statutory = \"boss\", trainee"))) { error in
            XCTAssertTrue("\(error)".contains("payer must be employer, mutuality_or_insurer or nobody, found 'boss'"), "\(error)")
        }
    }
}
