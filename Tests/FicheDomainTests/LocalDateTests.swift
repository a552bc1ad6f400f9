@testable import FicheDomain
import XCTest

final class LocalDateTests: XCTestCase {
    func testParsesBothFormats() throws {
        let cases: [(String, Int, Int, Int)] = [
            ("2024-03-31", 2024, 3, 31),
            ("31/03/2024", 2024, 3, 31),
            ("1/4/2024", 2024, 4, 1),
            ("29.02.2024", 2024, 2, 29),
            (" 2025-12-26 ", 2025, 12, 26),
        ]
        for (text, y, m, d) in cases {
            let date = try LocalDate.parse(text)
            XCTAssertEqual([date.year, date.month, date.day], [y, m, d], text)
        }
    }

    func testEveryDayIsWrittenZeroPaddedAndReadsBackTheSame() throws {
        let first = try XCTUnwrap(LocalDate(year: 1899, month: 12, day: 25))
        for offset in 0..<(202 * 366) {
            let date = first.adding(days: offset)
            XCTAssertEqual(date.iso, String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
            XCTAssertEqual(date.belgian, String(format: "%02d/%02d/%04d", date.day, date.month, date.year))
            XCTAssertEqual(try LocalDate.parse(date.iso), date)
            XCTAssertEqual(try LocalDate.parse(date.belgian), date)
        }
        XCTAssertEqual(LocalDate(year: 987, month: 3, day: 9)?.iso, "0987-03-09")
    }

    func testRejectsBadDatesWithCodes() {
        let cases: [(String, String)] = [
            ("2023-02-29", "date.invalid"),
            ("31/04/2025", "date.invalid"),
            ("2025-13-01", "date.invalid"),
            ("2025/03/01", "date.format"),
            ("25-03-01", "date.format"),
            ("hier", "date.format"),
            ("", "date.format"),
            ("1/2/25", "date.format"),
        ]
        for (text, code) in cases {
            XCTAssertThrowsError(try LocalDate.parse(text), text) { error in
                XCTAssertEqual((error as? RuleViolation)?.code, code, text)
            }
        }
    }

    func testWeekdaysAndArithmetic() throws {
        let cases: [(String, Weekday)] = [
            ("1970-01-01", .thursday), ("2024-03-31", .sunday), ("2025-01-01", .wednesday),
            ("2026-04-06", .monday), ("2000-02-29", .tuesday), ("1969-12-31", .wednesday),
        ]
        for (text, weekday) in cases {
            XCTAssertEqual(try LocalDate.parse(text).weekday, weekday, text)
        }
        let d = try LocalDate.parse("2024-02-28")
        XCTAssertEqual(d.adding(days: 1).iso, "2024-02-29")
        XCTAssertEqual(d.adding(days: 2).iso, "2024-03-01")
        XCTAssertEqual(d.adding(days: -59).iso, "2023-12-31")
        XCTAssertEqual(try LocalDate.parse("2025-01-31").adding(months: 1).iso, "2025-02-28")
        XCTAssertEqual(try LocalDate.parse("2025-03-01").adding(months: 12).iso, "2026-03-01")
        XCTAssertEqual(d.days(to: try LocalDate.parse("2025-02-28")), 366)
        XCTAssertEqual(Array(try LocalDate.parse("2024-12-30")...(try LocalDate.parse("2025-01-02"))).map(\.iso),
                       ["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"])
    }

    func testAgeCountsCompletedYears() throws {
        let birth = try LocalDate.parse("1990-07-30")
        XCTAssertEqual(birth.age(on: try LocalDate.parse("2026-07-29")), 35)
        XCTAssertEqual(birth.age(on: try LocalDate.parse("2026-07-30")), 36)
    }

    func testCodableAsISOString() throws {
        let date = try LocalDate.parse("05/04/2026")
        let json = try JSONEncoder().encode([date])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), "[\"2026-04-05\"]")
        XCTAssertEqual(try JSONDecoder().decode([LocalDate].self, from: json), [date])
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data("[\"2026-02-30\"]".utf8)))
        XCTAssertEqual(date.belgian, "05/04/2026")
    }

    func testYearMonth() throws {
        let feb = try YearMonth.parse("2024-02")
        XCTAssertEqual(feb.lastDay.iso, "2024-02-29")
        XCTAssertEqual(feb.days.count, 29)
        XCTAssertEqual(try YearMonth.parse("12/2025").next.description, "2026-01")
        XCTAssertEqual(try YearMonth.parse("2026-01").previous.description, "2025-12")
        XCTAssertTrue(feb < feb.next)
        XCTAssertTrue(feb.contains(try LocalDate.parse("2024-02-29")))
        XCTAssertThrowsError(try YearMonth.parse("2024-13"))
        let json = try JSONEncoder().encode([feb])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), "[\"2024-02\"]")
    }

    /// The day-by-day loops step with `nextDay` and read `weekday` from the day number: over the
    /// whole supported range both agree with the calendar worked out from the day number.
    func testTheNextDayAndTheWeekdayAgreeWithDayNumbersOverTheWholeRange() throws {
        let first = LocalDate.supportedRange.lowerBound, last = LocalDate.supportedRange.upperBound
        var date = first
        var weekday = try XCTUnwrap(LocalDate(year: 1900, month: 1, day: 1)).weekday
        XCTAssertEqual(weekday, .monday)   // 1 January 1900 was a Monday
        let order: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        while date < last {
            let next = date.nextDay
            XCTAssertEqual(next, LocalDate(dayNumber: date.dayNumber + 1), "after \(date)")
            let expected = order[((order.firstIndex(of: weekday) ?? 0) + 1) % 7]
            XCTAssertEqual(next.weekday, expected, "weekday of \(next)")
            XCTAssertEqual(next.weekday.isoNumber, (order.firstIndex(of: expected) ?? 0) + 1)
            weekday = expected
            date = next
        }
        XCTAssertEqual(try XCTUnwrap(LocalDate(year: 2026, month: 12, day: 7)).weekday, .monday)
        XCTAssertEqual(try XCTUnwrap(LocalDate(year: 2024, month: 2, day: 28)).nextDay, LocalDate(year: 2024, month: 2, day: 29))
        XCTAssertEqual(try XCTUnwrap(LocalDate(year: 2100, month: 2, day: 28)).nextDay, LocalDate(year: 2100, month: 3, day: 1))
        XCTAssertEqual(try XCTUnwrap(LocalDate(year: 2026, month: 12, day: 31)).nextDay, LocalDate(year: 2027, month: 1, day: 1))
    }
}
