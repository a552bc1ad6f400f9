@testable import FicheDomain
import XCTest

/// Every number a time record carries is bounded, so no record can walk around the daily and
/// weekly limits or make a sum trap.
final class TimeRecordBoundsTests: XCTestCase {
    private let sheet = TimeSheet(dossier: Fixtures.dossier(), records: [], catalogue: Fixtures.rules.absenceCatalogue,
                                  calendar: WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime))

    private func clocking(_ id: String, on date: String = "2025-05-14", _ from: Int, _ to: Int,
                          minutes: Int? = nil) -> TimeRecord {
        var record = TimeRecord.clocking(id: id, employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date(date),
                                         inMinute: from, outMinute: to, enteredBy: "u")
        record.minutes = minutes
        return record
    }

    private func code(_ sheet: TimeSheet, _ record: TimeRecord) -> String? {
        do {
            try sheet.check(record)
            return nil
        } catch {
            return error.code
        }
    }

    func testAClockingLastsFromItsStartToItsEnd() {
        let cases: [(String, TimeRecord, String?)] = [
            ("minutes as clocked", clocking("a", 480, 720, minutes: 240), nil),
            ("no minutes given", clocking("b", 480, 720), nil),
            ("the smallest Int", clocking("c", 480, 720, minutes: Int.min), "time.range"),
            ("the largest Int", clocking("d", 480, 720, minutes: Int.max), "time.range"),
            ("negative minutes", clocking("e", 0, 1440, minutes: -100_000), "time.range"),
            ("one minute less than clocked", clocking("f", 480, 720, minutes: 239), "clocking.minutes"),
            ("a whole day for a morning", clocking("g", 480, 720, minutes: 1440), "clocking.minutes"),
            ("a start before midnight", clocking("h", -60, 720), "time.range"),
            ("an end after midnight", clocking("i", 480, 1500), "time.range"),
            ("the largest Int as end", clocking("j", 0, Int.max), "time.range"),
        ]
        for (name, record, expected) in cases {
            XCTAssertEqual(code(sheet, record), expected, name)
        }
    }

    func testLatenessAndOvertimeLastAtMostADay() {
        func overtime(_ minutes: Int) -> TimeRecord {
            .overtime(id: "o", employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date("2025-05-14"),
                      minutes: minutes, enteredBy: "u")
        }
        XCTAssertNil(code(sheet, overtime(1440)))
        for minutes in [0, -1, 1441, Int.min, Int.max] {
            XCTAssertEqual(code(sheet, overtime(minutes)), "time.range", "\(minutes)")
        }
    }

    func testDatesStayWithinNineteenHundredAndTwentyTwoHundred() {
        XCTAssertEqual(LocalDate.supportedRange.lowerBound.iso, "1900-01-01")
        XCTAssertEqual(LocalDate.supportedRange.upperBound.iso, "2200-12-31")
        XCTAssertEqual(code(sheet, Fixtures.absence("a", "annual_leave", "1899-12-29", "2025-05-14")), "date.out_of_range")
        XCTAssertEqual(code(sheet, Fixtures.absence("a", "annual_leave", "2025-05-14", "9999-12-31")), "date.out_of_range")
        XCTAssertEqual(code(sheet, clocking("c", on: "2201-01-05", 480, 540)), "date.out_of_range")
        XCTAssertNil(code(sheet, clocking("c", on: "2200-12-31", 480, 540)))
    }

    /// Records stored before these checks (a clocking of Int.min minutes) neither trap the day's
    /// sum nor lower it: a new clocking is still held to 9 hours a day and 45 a week.
    func testRecordsStoredWithExtremeMinutesCannotTrapOrLowerTheSums() {
        let stored = [clocking("min", 480, 720, minutes: Int.min), clocking("max", 780, 800, minutes: Int.max),
                      clocking("neg", 0, 60, minutes: -100_000)]
        let old = TimeSheet(dossier: Fixtures.dossier(), records: stored, catalogue: Fixtures.rules.absenceCatalogue,
                            calendar: WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime))
        XCTAssertEqual(stored.map(\.durationMinutes), [0, 1440, 0])
        XCTAssertEqual(code(old, clocking("new", 900, 901, minutes: 1)), "clocking.too_long")
        XCTAssertEqual(code(old, clocking("next", on: "2025-05-15", 480, 1020)), nil)
        XCTAssertEqual(clocking("x", Int.min, Int.max).durationMinutes, 1440)
    }

    /// The limits a sheet is given are bounded too: at most a day per day and a week per week.
    func testLimitsAreBoundedByTheDayAndTheWeek() {
        let wide = TimeSheet(dossier: Fixtures.dossier(), records: [], catalogue: Fixtures.rules.absenceCatalogue,
                             calendar: WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime),
                             maximumMinutesPerDay: Int.max, maximumMinutesPerWeek: Int.min)
        XCTAssertEqual(wide.maximumMinutesPerDay, 1440)
        XCTAssertEqual(wide.maximumMinutesPerWeek, 0)
    }
}
