@testable import FicheDomain
import XCTest

/// The sick-leave capital of statutory staff (Rules/sick-leave-capital.toml; AR du 19 novembre
/// 1998, art. 69-70 in its pre-2024 wording, as local statutes copy it): 21 working days per 12
/// months of service, at least 63 in the first 36 months; the sick days of the career come out of
/// it, a work accident's never; past it the employer pays the waiting allowance.
/// Brussels holidays of 2026 used below: 17 August (for 15 August on a Saturday), 2, 3 (for
/// 1 November on a Sunday) and 11 November.
final class SickLeaveCapitalTests: XCTestCase {
    private var rule: SickLeaveCapitalRule { Fixtures.rules.sickLeaveCapital }

    private func validated(_ id: String, _ type: String, _ from: String, _ to: String? = nil,
                           part: DayPart = .full) -> TimeRecord {
        var record = Fixtures.absence(id, type, from, to, part: part, certificate: true)
        record.status = .validated
        return record
    }

    private func career(_ category: StaffCategory, since start: String, schedule: WorkSchedule = .fullTime) -> Career {
        Career(periods: [CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date(start), grade: "C2", scale: "C2",
                                      regime: schedule.regime, schedule: schedule, category: category)])
    }

    private func capital(_ career: Career, _ records: [TimeRecord], rule: SickLeaveCapitalRule? = nil) -> SickLeaveCapital {
        SickLeaveCapital(rule: rule ?? self.rule, career: career, category: career.current?.category ?? .statutory,
                         calendar: WorkCalendar(holidays: Fixtures.brussels, career: career), records: records)
    }

    private func variables(_ month: String, _ career: Career, _ records: [TimeRecord],
                           capital: SickLeaveCapitalRule?) throws -> PayrollVariables {
        PayrollVariables(dossierID: "d1", month: try YearMonth.parse(month), career: career,
                         category: career.current?.category ?? .statutory,
                         calendar: WorkCalendar(holidays: Fixtures.brussels, career: career), records: records,
                         catalogue: Fixtures.rules.absenceCatalogue, guaranteedSalary: Fixtures.rules.guaranteedSalary,
                         sickLeaveCapital: capital)
    }

    /// The numbers of the shipped file and the capital by months of service (the source's table).
    func testTheShippedRuleAndTheCapitalByMonthsOfService() {
        XCTAssertEqual(rule.categories, [.statutory, .trainee])
        XCTAssertEqual(rule.daysPerYear, 21)
        XCTAssertEqual(rule.minimumDays, 63)
        XCTAssertEqual(rule.minimumMonths, 36)
        XCTAssertEqual(rule.deductedTypes, ["sick"])
        XCTAssertEqual(rule.waitingAllowancePercent, 60)
        XCTAssertEqual(rule.seniorityCategories, Set(StaffCategory.allCases))
        XCTAssertTrue(rule.source.contains("19 novembre 1998"))
        let cases: [(months: Int, days: Int)] = [
            (0, 63), (11, 63), (12, 63), (24, 63), (35, 63), (36, 63), (47, 63), (48, 84), (60, 105), (119, 189), (120, 210),
        ]
        for (months, days) in cases {
            XCTAssertEqual(rule.capitalDays(serviceMonths: months), days, "\(months) months")
        }
        XCTAssertEqual(SickLeaveCapital.fullMonths(from: Fixtures.date("2020-01-01"), to: Fixtures.date("2020-12-31")), 11)
        XCTAssertEqual(SickLeaveCapital.fullMonths(from: Fixtures.date("2020-01-01"), to: Fixtures.date("2021-01-01")), 12)
        XCTAssertEqual(SickLeaveCapital.fullMonths(from: Fixtures.date("2020-01-31"), to: Fixtures.date("2020-02-29")), 1)
    }

    /// Appointed on 2 September 2024 (2 years of service: 63 days), sick from 3 August 2026: the
    /// 63rd working day is 29 October (20 in August, 17 August a holiday; 22 in September; 21
    /// in October), the 64th, 30 October, is paid the waiting allowance, and so is all November,
    /// its holidays inside too.
    func testTwoYearsOfServiceGiveSixtyThreeDaysAndTheSixtyFourthIsWaitingAllowance() throws {
        let appointed = career(.statutory, since: "2024-09-02")
        let sick = [validated("s", "sick", "2026-08-03", "2026-11-30")]
        let capital = capital(appointed, sick)
        XCTAssertEqual(capital.capitalDays(on: Fixtures.date("2026-10-30")), 63)
        XCTAssertEqual(capital.usedDays(through: Fixtures.date("2026-08-31")), 20)
        XCTAssertEqual(capital.usedDays(through: Fixtures.date("2026-10-29")), 63)
        XCTAssertEqual(capital.waitingAllowanceHalves(on: Fixtures.date("2026-10-29")), 0, "the 63rd day: salary")
        XCTAssertEqual(capital.waitingAllowanceHalves(on: Fixtures.date("2026-10-30")), 3, "the 64th: waiting allowance")
        XCTAssertEqual(capital.usedDays(through: Fixtures.date("2026-11-30")), 63, "days past the capital use nothing")

        let october = try variables("2026-10", appointed, sick, capital: rule)
        XCTAssertEqual(october.paidAbsenceDays, ["sick": 21])
        XCTAssertEqual(october.waitingAllowanceDays, ["sick": 1])
        XCTAssertEqual(october.availabilitySickDays, 1)
        XCTAssertEqual(october.sicknessDays, 22)

        let november = try variables("2026-11", appointed, sick, capital: rule)
        XCTAssertEqual(november.paidAbsenceDays, [:], "no paid_sick, no paid holiday")
        XCTAssertEqual(november.waitingAllowanceDays, ["sick": 21], "18 working days and the 3 holidays inside")
        XCTAssertEqual(november.availabilitySickDays, 21)
        XCTAssertEqual(november.mutualitySickDays, 0)
        XCTAssertEqual(november.mutualityAbsenceDays, [:])
        XCTAssertEqual(november.workedDays, 0)

        let without = try variables("2026-11", appointed, sick, capital: nil)
        XCTAssertEqual(without.paidAbsenceDays, ["sick": 18, "public_holiday": 3], "without the rule: the salary")
        XCTAssertEqual(without.availabilitySickDays, 0)
    }

    /// A work accident is an incapacity of another kind: 64 working days of it leave the capital
    /// whole, and a sickness after it is paid the salary.
    func testAWorkAccidentDayIsNeverDeducted() throws {
        let appointed = career(.statutory, since: "2024-09-02")
        let records = [validated("a", "work_accident", "2026-08-03", "2026-10-30"),
                       validated("s", "sick", "2026-11-04", "2026-11-30")]
        let capital = capital(appointed, records)
        XCTAssertEqual(capital.usedDays(through: Fixtures.date("2026-10-30")), 0)
        XCTAssertEqual(capital.usedDays(through: Fixtures.date("2026-11-30")), 18, "4–30 November less 11 November")
        let october = try variables("2026-10", appointed, records, capital: rule)
        XCTAssertEqual(october.paidAbsenceDays, ["work_accident": 22])
        XCTAssertEqual(october.availabilitySickDays, 0)
        let november = try variables("2026-11", appointed, records, capital: rule)
        XCTAssertEqual(november.paidAbsenceDays, ["sick": 18, "public_holiday": 3])
        XCTAssertEqual(november.waitingAllowanceDays, [:])
    }

    /// Ten years of service: 210 days; 64 sick days are all paid the salary.
    func testTenYearsOfServiceGiveTwoHundredTenDays() throws {
        let appointed = career(.statutory, since: "2016-09-01")
        let sick = [validated("s", "sick", "2026-08-03", "2026-11-30")]
        let capital = capital(appointed, sick)
        XCTAssertEqual(capital.capitalDays(on: Fixtures.date("2026-09-01")), 210)
        XCTAssertEqual(capital.capitalDays(on: Fixtures.date("2026-08-31")), 189, "the tenth year is full on 1 September")
        let november = try variables("2026-11", appointed, sick, capital: rule)
        XCTAssertEqual(november.paidAbsenceDays, ["sick": 18, "public_holiday": 3])
        XCTAssertEqual(november.availabilitySickDays, 0)
    }

    /// Half days count 0.5: three sick mornings on a half-time week (mornings only) use 1.5
    /// days; on a capital of 2 days, the next full day's morning is salary and its afternoon
    /// the waiting allowance.
    func testHalfDaysCountHalf() throws {
        let small = SickLeaveCapitalRule(categories: [.statutory], daysPerYear: 21, minimumDays: 2, minimumMonths: 36,
                                         deductedTypes: ["sick"], waitingAllowancePercent: 60, source: "test")
        let halfTime = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2026-01-05"), grade: "C2", scale: "C2",
                                    regime: try .parse("1/2"), schedule: try .usual(for: .parse("1/2")), category: .statutory)
        let fullTime = CareerPeriod(id: "c2", dossierID: "d1", start: Fixtures.date("2026-03-02"), grade: "C2", scale: "C2",
                                    regime: .fullTime, schedule: .fullTime, category: .statutory)
        let appointed = try Career(periods: [halfTime]).opening(fullTime)
        let records = [validated("s1", "sick", "2026-02-23", "2026-02-25"), validated("s2", "sick", "2026-03-02")]
        let capital = capital(appointed, records, rule: small)
        XCTAssertEqual(capital.usedDays(through: Fixtures.date("2026-02-25")), 1.5)
        XCTAssertEqual(capital.waitingAllowanceHalves(on: Fixtures.date("2026-03-02")), 2, "the afternoon only")
        let march = try variables("2026-03", appointed, records, capital: small)
        XCTAssertEqual(march.paidAbsenceDays, ["sick": 0.5])
        XCTAssertEqual(march.waitingAllowanceDays, ["sick": 0.5])
        XCTAssertEqual(march.availabilitySickDays, 0.5)
        XCTAssertEqual(march.sicknessDays, 1)
    }

    /// A trainee has the statutory capital (the file's choice). Service under contract counts for
    /// the seniority, but the sick days under contract were the guaranteed salary's and the
    /// mutuality's: they use nothing.
    func testTraineesAndServiceUnderContract() throws {
        let sick = [validated("s", "sick", "2026-08-03", "2026-11-30")]
        let trainee = capital(career(.trainee, since: "2024-09-02"), sick)
        XCTAssertEqual(trainee.waitingAllowanceHalves(on: Fixtures.date("2026-10-30")), 3, "as a statutory worker")

        let contract = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2016-09-01"), grade: "C2", scale: "C2",
                                    regime: .fullTime, schedule: .fullTime, category: .contractual)
        let appointed = CareerPeriod(id: "c2", dossierID: "d1", start: Fixtures.date("2026-01-01"), grade: "C2", scale: "C2",
                                     regime: .fullTime, schedule: .fullTime, category: .statutory)
        let both = try Career(periods: [contract]).opening(appointed)
        let records = sick + [validated("old", "sick", "2024-01-08", "2024-12-20")]
        let capital = capital(both, records)
        XCTAssertEqual(capital.serviceStart, Fixtures.date("2016-09-01"))
        XCTAssertEqual(capital.capitalDays(on: Fixtures.date("2026-11-02")), 210)
        XCTAssertEqual(capital.usedDays(through: Fixtures.date("2024-12-31")), 0, "sick under contract uses nothing")
        let november = try variables("2026-11", both, records, capital: rule)
        XCTAssertEqual(november.paidAbsenceDays, ["sick": 18, "public_holiday": 3])

        var onlyAppointment = rule
        onlyAppointment.seniorityCategories = [.statutory, .trainee]
        XCTAssertEqual(self.capital(both, records, rule: onlyAppointment).capitalDays(on: Fixtures.date("2026-11-02")), 63)
    }

    /// A contract worker is untouched: the guaranteed salary, then the mutuality, with or
    /// without the capital rule.
    func testAContractWorkerIsUntouched() throws {
        let hired = career(.contractual, since: "2024-09-02")
        let sick = [validated("s", "sick", "2026-08-03", "2026-11-30")]
        for month in ["2026-08", "2026-09", "2026-11"] {
            let with = try variables(month, hired, sick, capital: rule)
            XCTAssertEqual(with, try variables(month, hired, sick, capital: nil), month)
            XCTAssertEqual(with.availabilitySickDays, 0, month)
        }
        XCTAssertEqual(try variables("2026-08", hired, sick, capital: rule).guaranteedSalaryDays, 20, "3 August–1 September")
        XCTAssertEqual(try variables("2026-11", hired, sick, capital: rule).mutualitySickDays, 21)
        XCTAssertEqual(capital(hired, sick).usedDays(through: Fixtures.date("2026-11-30")), 0)
    }

    /// Random careers and sicknesses (seeded): the days of a month add up to its scheduled days
    /// whoever pays them; the capital is never overdrawn; a waiting-allowance day comes only once
    /// the capital of its day is used up; without a capital category nothing changes.
    func testPropertiesOverRandomCareers() throws {
        var random = SeededGenerator(seed: 1998)
        let categories: [StaffCategory] = [.statutory, .trainee, .contractual, .art60]
        let types = ["sick", "sick", "sick", "work_accident", "annual_leave", "birth_leave", "strike"]
        for round in 0..<40 {
            let start = Fixtures.date("2019-01-07").adding(days: Int.random(in: 0...1_500, using: &random))
            var periods = [CareerPeriod(id: "c0", dossierID: "d1", start: start, grade: "C2", scale: "C2", regime: .fullTime,
                                        schedule: .fullTime, category: categories.randomElement(using: &random) ?? .statutory)]
            if Bool.random(using: &random) {
                let fraction = ["1/2", "4/5", "full"].randomElement(using: &random) ?? "full"
                let schedule = fraction == "full" ? WorkSchedule.fullTime : try WorkSchedule.usual(for: .parse(fraction))
                periods.append(CareerPeriod(id: "c1", dossierID: "d1", start: start.adding(days: Int.random(in: 30...900, using: &random)),
                                            grade: "C2", scale: "C2", regime: schedule.regime, schedule: schedule,
                                            category: categories.randomElement(using: &random) ?? .statutory))
            }
            let career = try periods.dropFirst().reduce(Career(periods: [periods[0]])) { try $0.opening($1) }
            var records: [TimeRecord] = []
            var day = start.adding(days: Int.random(in: 0...60, using: &random))
            while day < Fixtures.date("2026-12-31") {
                let type = types.randomElement(using: &random) ?? "sick"
                let length = Int.random(in: 0...(type == "sick" ? 80 : 8), using: &random)
                records.append(validated("r\(records.count)", type, day.iso, day.adding(days: length).iso))
                day = day.adding(days: length + Int.random(in: 1...200, using: &random))
            }
            let capital = capital(career, records)
            let month = try YearMonth.parse(["2025-03", "2026-05", "2026-11"].randomElement(using: &random) ?? "2026-11")
            let v = try variables(month.description, career, records, capital: rule)
            let total = v.workedDays + v.paidAbsenceDays.values.reduce(0, +) + v.mutualityAbsenceDays.values.reduce(0, +)
                + v.unpaidAbsenceDays.values.reduce(0, +) + v.waitingAllowanceDays.values.reduce(0, +)
            XCTAssertEqual(total, v.scheduledDays, "round \(round): every scheduled day is counted once")
            XCTAssertLessThanOrEqual(v.availabilitySickDays, v.sicknessDays, "round \(round)")
            for date in Fixtures.date("2019-01-01")...Fixtures.date("2026-12-31") {
                let used = capital.usedDays(through: date)
                let limit = Double(capital.capitalDays(on: date) ?? 0)
                XCTAssertLessThanOrEqual(used, limit, "round \(round), \(date.iso): never overdrawn")
                if capital.waitingAllowanceHalves(on: date) != 0 {
                    XCTAssertEqual(used, limit, "round \(round), \(date.iso): waiting allowance only once it is used up")
                }
            }
            if !career.periods.contains(where: { rule.categories.contains($0.category) }) {
                XCTAssertEqual(v, try variables(month.description, career, records, capital: nil), "round \(round)")
            }
        }
    }

    /// The file is read strictly: an unknown key, a negative number, an unknown type or category.
    func testTheRuleFileRefusesBadInput() throws {
        let text = try XCTUnwrap(Fixtures.rules.texts[.sickLeaveCapital])
        let cases: [(String, String, String)] = [
            ("days_per_year = 21", "days_per_year = 21\ndays_per_month = 2", "unknown key 'days_per_month' in [statutory_staff]"),
            ("minimum_days = 63", "minimum_days = -63", "minimum_days must not be negative"),
            ("days_per_year = 21", "days_per_year = \"21\"", "days_per_year"),
            ("deducted_types = [\"sick\"]", "deducted_types = [\"flu\"]", "unknown absence type 'flu'"),
            ("deducted_types = [\"sick\"]", "deducted_types = [\"training\"]", "counted in hours"),
            ("categories = [\"statutory\", \"trainee\"]", "categories = [\"statutory\", \"mayor\"]", "unknown staff category 'mayor'"),
            ("waiting_allowance_percent = 60", "waiting_allowance_percent = 160", "at most 100"),
            ("[statutory_staff]", "[statutory]", "sick-leave-capital.toml"),
        ]
        for (old, new, message) in cases {
            XCTAssertTrue(text.contains(old), old)
            XCTAssertThrowsError(try Fixtures.rules.replacing(.sickLeaveCapital, with: text.replacingOccurrences(of: old, with: new)),
                                 new) { error in
                XCTAssertTrue("\(error)".contains(message), "\(new): \(error)")
                XCTAssertTrue("\(error)".hasPrefix("sick-leave-capital.toml:"), "\(error)")
            }
        }
        let longer = try Fixtures.rules.replacing(.sickLeaveCapital, with: text.replacingOccurrences(
            of: "minimum_days = 63", with: "minimum_days = 90"))
        XCTAssertEqual(longer.sickLeaveCapital.capitalDays(serviceMonths: 24), 90, "the numbers are data")
    }
}
