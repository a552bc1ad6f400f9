@testable import FicheDomain
import XCTest

final class WorkCalendarTests: XCTestCase {
    func testWorkingDaysInMay2025ByRegime() throws {
        // May 2025: 22 weekdays; 1 May, 8 May and Ascension (29 May) are Thursdays.
        let legal = try XCTUnwrap(Fixtures.rules.holidayCalendar(id: "be-legal"))
        let brussels = Fixtures.brussels
        let wednesdayOff = try WorkSchedule(monday: .full, tuesday: .full, wednesday: .off, thursday: .full, friday: .full)
        let mornings = try WorkSchedule.usual(for: .parse("50 %"))
        let fridayOff = try WorkSchedule(monday: .full, tuesday: .full, wednesday: .full, thursday: .full, friday: .off)
        let cases: [(String, HolidayCalendar, WorkSchedule, Double)] = [
            ("full time, Brussels", brussels, .fullTime, 19),
            ("full time, legal days only", legal, .fullTime, 20),
            ("4/5 Wednesday off", brussels, wednesdayOff, 15),
            ("4/5 Friday off (five Fridays in May)", brussels, fridayOff, 14),
            ("half time mornings", brussels, mornings, 9.5),
        ]
        for (name, holidays, schedule, expected) in cases {
            let calendar = WorkCalendar(holidays: holidays, schedule: schedule)
            XCTAssertEqual(calendar.workingDays(from: Fixtures.date("2025-05-01"), to: Fixtures.date("2025-05-31")),
                           expected, name)
        }
        XCTAssertEqual(wednesdayOff.regime, try RegimeFraction.parse("4/5"))
        XCTAssertEqual(mornings.daysPerWeek, 2.5)
    }

    func testAbsenceNeverCountsANonWorkingDay() throws {
        let schedule = try WorkSchedule(monday: .full, tuesday: .full, wednesday: .off, thursday: .full, friday: .afternoon)
        let calendar = WorkCalendar(holidays: Fixtures.brussels, schedule: schedule)
        let cases: [(String, String, DayPart, Double)] = [
            ("2025-05-05", "2025-05-11", .full, 2.5),      // Mon–Sun: Wed off, Thu 8 May holiday, Fri half
            ("2025-05-07", "2025-05-07", .full, 0),        // Wednesday off
            ("2025-05-10", "2025-05-11", .full, 0),        // weekend
            ("2025-05-09", "2025-05-09", .morning, 0),     // Friday: works afternoons only
            ("2025-05-09", "2025-05-09", .afternoon, 0.5),
            ("2025-05-12", "2025-05-12", .morning, 0.5),
            ("2025-12-23", "2025-12-26", .full, 1),         // Wed off; 25 and 26 December are holidays
        ]
        for (from, to, part, expected) in cases {
            let record = Fixtures.absence("r", "annual_leave", from, to, part: part)
            XCTAssertEqual(calendar.absenceDays(of: record), expected, "\(from)…\(to) \(part)")
        }
    }

    func testScheduleFollowsCareerPeriods() throws {
        let first = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2025-01-01"), grade: "C1", scale: "C1",
                                 regime: .fullTime, schedule: .fullTime, category: .contractual)
        let reduced = CareerPeriod(id: "c2", dossierID: "d1", start: Fixtures.date("2025-05-12"), grade: "C1", scale: "C1",
                                   regime: try .parse("4/5"),
                                   schedule: try .usual(for: .parse("80%")), category: .contractual)
        let career = try Career(periods: [first]).opening(reduced)
        XCTAssertEqual(career.periods[0].end?.iso, "2025-05-11")
        let calendar = WorkCalendar(holidays: Fixtures.brussels, career: career)
        // 5–9 May full time (8 May holiday) = 4; 12–16 May without Wednesday = 4.
        XCTAssertEqual(calendar.workingDays(from: Fixtures.date("2025-05-05"), to: Fixtures.date("2025-05-16")), 8)
        XCTAssertEqual(calendar.workingDays(from: Fixtures.date("2024-12-30"), to: Fixtures.date("2024-12-31")), 0)
    }

    func testRegimeFractionsAndUsualSchedules() throws {
        let cases: [(String, Int)] = [("100 %", 1000), ("80%", 800), ("4/5", 800), ("0.5", 500), ("19/38", 500),
                                      ("62,5 %", 625), ("1", 1000)]
        for (text, thousandths) in cases {
            XCTAssertEqual(try RegimeFraction.parse(text).thousandths, thousandths, text)
        }
        for bad in ["0", "120 %", "abc", "5/0", "-50"] {
            XCTAssertThrowsError(try RegimeFraction.parse(bad), bad) { error in
                XCTAssertEqual((error as? RuleViolation)?.code, "regime.fraction", bad)
            }
        }
        XCTAssertEqual(try RegimeFraction.parse("62.5%").description, "62.5 %")
        XCTAssertThrowsError(try WorkSchedule.usual(for: .parse("75 %"))) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "regime.schedule")
        }
        XCTAssertThrowsError(try WorkSchedule(pattern: [.off, .off, .off, .off, .off, .off, .off]))
    }

    func testCareerNeverRewritesHistory() throws {
        let first = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2025-01-01"), grade: "D1", scale: "D1",
                                 regime: .fullTime, schedule: .fullTime, category: .contractual)
        let career = Career(periods: [first])
        var backdated = first
        backdated.id = "c2"
        backdated.grade = "D2"
        XCTAssertThrowsError(try career.opening(backdated)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "career.backdated")
        }
        backdated.start = Fixtures.date("2025-07-01")
        let promoted = try career.opening(backdated)
        XCTAssertEqual(promoted.period(on: Fixtures.date("2025-06-30"))?.grade, "D1")
        XCTAssertEqual(promoted.period(on: Fixtures.date("2025-07-01"))?.grade, "D2")
        XCTAssertEqual(promoted.periods.count, 2)
    }
}
