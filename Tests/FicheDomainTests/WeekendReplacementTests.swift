@testable import FicheDomain
import XCTest

/// Public holidays on a Saturday or a Sunday and their replacement days (Rules/holidays.toml:
/// the first weekday after the holiday that is neither a holiday nor an earlier replacement;
/// the law of 4 January 1974 and the royal decree of 18 April 1974, art. 6).
final class WeekendReplacementTests: XCTestCase {
    private func replacements(_ calendar: HolidayCalendar, _ year: Int) -> [String] {
        calendar.holidays(in: year).compactMap { holiday in
            holiday.replaces.map { "\($0.iso) \(holiday.code) → \(holiday.date.iso)" }
        }
    }

    /// The replacement days 2025–2027 of each calendar: `brussels-local` and `be-legal` as
    /// shipped (the legal days only; All Souls is no holiday in `be-legal`, so Monday 2 November
    /// 2026 replaces All Saints there, Tuesday 3 November in Brussels), and `brussels-local` with
    /// `holidays = "all"` (its extra days too: 3 to 5 days a year).
    func testReplacementDays2025To2027() throws {
        let text = try XCTUnwrap(Fixtures.rules.texts[.holidays])
        let all = try Fixtures.rules.replacing(.holidays, with: text.replacingOccurrences(
            of: Self.brusselsScope, with: Self.brusselsScope.replacingOccurrences(of: "\"legal\"", with: "\"all\"")))
        let calendars: [String: HolidayCalendar] = [
            "brussels-local": Fixtures.brussels,
            "be-legal": try XCTUnwrap(Fixtures.rules.holidayCalendar(id: "be-legal")),
            "brussels-local, all": try all.holidayCalendar(for: Fixtures.commune),
        ]
        let cases: [(String, Int, [String])] = [
            ("brussels-local", 2025, ["2025-11-01 all_saints → 2025-11-03"]),
            ("brussels-local", 2026, ["2026-08-15 assumption → 2026-08-17", "2026-11-01 all_saints → 2026-11-03"]),
            ("brussels-local", 2027, ["2027-05-01 labour_day → 2027-05-03", "2027-08-15 assumption → 2027-08-16",
                                      "2027-12-25 christmas → 2027-12-27"]),
            ("be-legal", 2025, ["2025-11-01 all_saints → 2025-11-03"]),
            ("be-legal", 2026, ["2026-08-15 assumption → 2026-08-17", "2026-11-01 all_saints → 2026-11-02"]),
            ("be-legal", 2027, ["2027-05-01 labour_day → 2027-05-03", "2027-08-15 assumption → 2027-08-16",
                                "2027-12-25 christmas → 2027-12-27"]),
            ("brussels-local, all", 2025, ["2025-11-01 all_saints → 2025-11-03", "2025-11-02 all_souls → 2025-11-04",
                                           "2025-11-15 kings_feast → 2025-11-17"]),
            ("brussels-local, all", 2026, ["2026-08-15 assumption → 2026-08-17", "2026-11-01 all_saints → 2026-11-03",
                                           "2026-11-15 kings_feast → 2026-11-16", "2026-12-26 boxing_day → 2026-12-28"]),
            ("brussels-local, all", 2027, ["2027-05-01 labour_day → 2027-05-03",
                                           "2027-05-08 brussels_region_day → 2027-05-10",
                                           "2027-08-15 assumption → 2027-08-16", "2027-12-25 christmas → 2027-12-27",
                                           "2027-12-26 boxing_day → 2027-12-28"]),
        ]
        for (name, year, expected) in cases {
            XCTAssertEqual(replacements(try XCTUnwrap(calendars[name]), year), expected, "\(name) \(year)")
        }
        XCTAssertEqual(Fixtures.brussels.holidays(in: 2026).count, 16, "14 days and 2 replacement days")
        XCTAssertFalse(Fixtures.brussels.weekendReplacement?.source.isEmpty ?? true)
    }

    /// A replacement day is a holiday of the work calendar: named after the day it replaces,
    /// not worked, not an absence day.
    func testAReplacementDayIsAHolidayOfTheWorkCalendar() throws {
        let brussels = Fixtures.brussels
        let day = try XCTUnwrap(brussels.holiday(on: Fixtures.date("2026-11-03")))
        XCTAssertEqual(day.replaces, Fixtures.date("2026-11-01"))
        XCTAssertEqual(day.labels.fr, "Toussaint (jour de remplacement)")
        XCTAssertEqual(day.labels.nl, "Allerheiligen (vervangingsdag)")
        XCTAssertEqual(day.labels.en, "All Saints' Day (replacement day)")
        let calendar = WorkCalendar(holidays: brussels, schedule: .fullTime)
        // November 2026: 21 weekdays; 2, 3 (for 1 Nov) and 11 are holidays.
        XCTAssertEqual(calendar.workingDays(from: Fixtures.date("2026-11-01"), to: Fixtures.date("2026-11-30")), 18)
        XCTAssertEqual(calendar.absenceDays(on: Fixtures.date("2026-11-03"), part: .full), 0)
        XCTAssertTrue(brussels.isHoliday(Fixtures.date("2026-11-01")), "the Sunday stays a holiday")
        XCTAssertFalse(brussels.isHoliday(Fixtures.date("2026-11-16")), "the King's Feast is not replaced")
    }

    /// The `[calendar.weekend_replacement]` table of `brussels-local` in the shipped file.
    private static let brusselsScope = "CPAS set that by local regulation (unsure); write holidays = \"all\" to replace them too.\n"
        + "[calendar.weekend_replacement]\nholidays = \"legal\""

    /// A calendar without the table has no replacement day; a bad scope names its line.
    func testTheRuleIsReadFromItsFile() throws {
        let text = try XCTUnwrap(Fixtures.rules.texts[.holidays])
        XCTAssertTrue(text.contains(Self.brusselsScope))
        XCTAssertEqual(replacements(HolidayCalendar(id: "none", rules: Fixtures.brussels.rules), 2026), [])
        XCTAssertThrowsError(try Fixtures.rules.replacing(.holidays, with: text.replacingOccurrences(
            of: Self.brusselsScope, with: Self.brusselsScope.replacingOccurrences(of: "\"legal\"", with: "\"some\"")))) { error in
            XCTAssertTrue("\(error)".contains("holidays must be legal or all, found 'some'"), "\(error)")
            XCTAssertTrue("\(error)".contains("holidays.toml:"), "\(error)")
        }
    }
}
