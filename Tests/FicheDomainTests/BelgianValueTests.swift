import FicheDomain
import XCTest

/// Values as Belgian offices type them in a spreadsheet: sex codes of three languages, hours
/// with a decimal comma, dates day first.
final class BelgianValueTests: XCTestCase {
    func testSexCodesOfEachLanguageInAnyCase() {
        let cases: [(String, Sex?)] = [
            ("M", .male), ("m", .male), ("F", .female), ("f", .female), ("H", .male), ("V", .female), ("v", .female),
            ("male", .male), ("Female", .female), ("MAN", .male), ("vrouw", .female), ("Homme", .male), ("femme", .female),
            (" F ", .female), ("X", nil), ("", nil), ("mf", nil), ("W", nil), ("1", nil),
        ]
        for (code, sex) in cases { XCTAssertEqual(Sex(code: code), sex, code) }
    }

    func testHoursWithADecimalCommaOrPointBecomeExactMinutes() {
        let cases: [(String, Int?)] = [
            ("7,6", 456), ("7.6", 456), ("3,5", 210), ("8", 480), (" 7,60 ", 456), ("0,25", 15), ("24", 1440),
            ("1,234,5", nil), ("1.234,5", nil), ("7,", nil), (",5", nil), ("-3", nil), ("1e3", nil), ("nan", nil),
            ("inf", nil), ("", nil), ("7 h", nil), ("٣", nil), ("1234567890", nil), ("1,1234567", nil),
        ]
        for (text, minutes) in cases { XCTAssertEqual(DecimalText(text)?.rounded(times: 60), minutes, text) }
        XCTAssertEqual(DecimalText("0,0083")?.rounded(times: 60), 0, "half a minute and less rounds to nothing")
        XCTAssertEqual(DecimalText("0,0084")?.rounded(times: 60), 1)
    }

    func testDatesDayFirstOrISOAndNonexistentDaysRefused() throws {
        XCTAssertEqual(try LocalDate.parse("01/12/2026"), LocalDate(year: 2026, month: 12, day: 1))
        XCTAssertEqual(try LocalDate.parse("1/2/2027"), LocalDate(year: 2027, month: 2, day: 1))
        XCTAssertEqual(try LocalDate.parse("2026-12-01"), LocalDate(year: 2026, month: 12, day: 1))
        XCTAssertThrowsError(try LocalDate.parse("31/02/2027")) { error in
            XCTAssertEqual(error as? RuleViolation, .dateInvalid(year: 2027, month: 2, day: 31))
            XCTAssertEqual((error as? RuleViolation)?.description, "Day 31 of month 2 of 2027 does not exist")
        }
        XCTAssertThrowsError(try LocalDate.parse("12/2026")) { error in
            XCTAssertEqual(error as? RuleViolation, .dateFormat(text: "12/2026"))
        }
    }
}
