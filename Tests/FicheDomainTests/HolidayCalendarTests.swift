@testable import FicheDomain
import XCTest

final class HolidayCalendarTests: XCTestCase {
    func testEasterSundayAnonymousGregorian() {
        let cases: [(Int, String)] = [
            (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"),
            (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
            (2019, "2019-04-21"), (2038, "2038-04-25"), (1818, "1818-03-22"),
        ]
        for (year, expected) in cases {
            XCTAssertEqual(Easter.sunday(in: year).iso, expected, "Easter \(year)")
            XCTAssertEqual(Easter.sunday(in: year).weekday, .sunday)
        }
    }

    func testEasterBasedLegalHolidays() {
        let calendar = Fixtures.brussels
        let cases: [(Int, String, String, String)] = [
            // year, Easter Monday, Ascension, Whit Monday
            (2024, "2024-04-01", "2024-05-09", "2024-05-20"),
            (2025, "2025-04-21", "2025-05-29", "2025-06-09"),
            (2026, "2026-04-06", "2026-05-14", "2026-05-25"),
        ]
        for (year, easterMonday, ascension, whitMonday) in cases {
            let byCode = Dictionary(uniqueKeysWithValues: calendar.holidays(in: year).filter { $0.replaces == nil }.map { ($0.code, $0.date.iso) })
            XCTAssertEqual(byCode["easter_monday"], easterMonday, "\(year)")
            XCTAssertEqual(byCode["ascension"], ascension, "\(year)")
            XCTAssertEqual(byCode["whit_monday"], whitMonday, "\(year)")
        }
    }

    func testTenLegalDaysPlusBrusselsExtraDays() throws {
        let legal = try XCTUnwrap(Fixtures.rules.holidayCalendar(id: "be-legal"))
        // Replacement days of weekend holidays: WeekendReplacementTests.
        let days2025 = legal.holidays(in: 2025).filter { $0.replaces == nil }
        XCTAssertEqual(days2025.count, 10)
        XCTAssertTrue(days2025.allSatisfy(\.isLegal))
        XCTAssertEqual(days2025.map(\.date.iso), [
            "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09",
            "2025-07-21", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
        ])
        let brussels = Fixtures.brussels
        XCTAssertEqual(brussels.holidays(in: 2026).filter { $0.replaces == nil }.count, 14)
        for extra in ["2026-05-08", "2026-11-02", "2026-11-15", "2026-12-26"] {
            let holiday = try XCTUnwrap(brussels.holiday(on: Fixtures.date(extra)), extra)
            XCTAssertFalse(holiday.isLegal, extra)
            // 2 November 2026 is a replacement day there (All Saints on a Sunday): WeekendReplacementTests.
            XCTAssertNil(legal.holiday(on: Fixtures.date(extra)).flatMap { $0.replaces == nil ? $0 : nil }, extra)
        }
        // Community days are not holidays.
        XCTAssertFalse(brussels.isHoliday(Fixtures.date("2026-07-11")))
        XCTAssertFalse(brussels.isHoliday(Fixtures.date("2026-09-27")))
        XCTAssertEqual(brussels.holiday(on: Fixtures.date("2025-12-25"))?.labels.nl, "Kerstmis")
    }

    func testEmployerWithoutCalendarUsesItsKindDefault() throws {
        XCTAssertEqual(try Fixtures.rules.holidayCalendar(for: Fixtures.cpas).id, "brussels-local")
        let unknown = Employer(code: "X", kind: .commune, nameFR: "X", nameNL: "X", holidayCalendarID: "nowhere",
                               payrollCutOffDay: 20)
        XCTAssertThrowsError(try Fixtures.rules.holidayCalendar(for: unknown))
    }
}
