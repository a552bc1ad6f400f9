@testable import FicheDomain
import XCTest

final class NISSTests: XCTestCase {
    struct Valid {
        let text: String
        let century: Int
        let birth: String?
        let sex: Sex?
        let kind: NISS.Kind
    }

    func testValidNumbersFromDomainAndMore() throws {
        let cases = [
            // DOMAIN.md examples
            Valid(text: "85.07.30-033.28", century: 1900, birth: "1985-07-30", sex: .male, kind: .national),
            Valid(text: "17.07.30-033.84", century: 2000, birth: "2017-07-30", sex: .male, kind: .national),
            Valid(text: "01.49.07-001.85", century: 2000, birth: "2001-09-07", sex: .male, kind: .bisSexKnown),
            // Without separators, a woman (even sequence)
            Valid(text: "87010100256", century: 1900, birth: "1987-01-01", sex: .female, kind: .national),
            // BIS, sex unknown (month + 20)
            Valid(text: "85.29.30-002.19", century: 1900, birth: "1985-09-30", sex: nil, kind: .bisSexUnknown),
            // Unknown birth parts (00), both centuries
            Valid(text: "00.00.00-001.96", century: 1900, birth: nil, sex: .male, kind: .national),
            Valid(text: "00.00.00-001.28", century: 2000, birth: nil, sex: .male, kind: .national),
            Valid(text: "00.20.00-005.38", century: 1900, birth: nil, sex: nil, kind: .bisSexUnknown),
        ]
        for c in cases {
            let niss = try NISS(c.text)
            XCTAssertEqual(niss.century, c.century, c.text)
            XCTAssertEqual(niss.birthDate?.iso, c.birth, c.text)
            XCTAssertEqual(niss.sex, c.sex, c.text)
            XCTAssertEqual(niss.kind, c.kind, c.text)
            XCTAssertTrue(NISS.isValid(c.text), c.text)
        }
    }

    func testInvalidNumbersCarryAPreciseCode() {
        let cases: [(String, String)] = [
            ("85.07.30-033.29", "niss.checksum"),
            ("85.07.30-033", "niss.format"),
            ("85.07.30-033.2A", "niss.format"),
            ("850730033281", "niss.format"),
            ("85.02.30-001.25", "niss.birth_date"),  // checksum right, 30 February
            ("85.13.01-001.00", "niss.checksum"),
        ]
        for (text, code) in cases {
            XCTAssertThrowsError(try NISS(text), text) { error in
                XCTAssertEqual((error as? RuleViolation)?.code, code, text)
            }
        }
        // 17.07.30-033.55 is the 19xx check of the same digits: valid, born 1917.
        XCTAssertEqual(try NISS("17.07.30-033.55").birthDate?.iso, "1917-07-30")
    }

    func testSerialsRunFrom001To997() throws {
        // 85.07.30 with serials 000, 001, 997, 998 and 999; check digits 97 − (first nine mod 97).
        func number(serial: Int) -> String { NISS.digits(year: 1985, month: 7, day: 30, serial: serial) }
        let cases: [(Int, String?)] = [(0, "niss.serial"), (1, nil), (997, nil), (998, "niss.serial"), (999, "niss.serial")]
        for (serial, code) in cases {
            do {
                _ = try NISS(number(serial: serial))
                XCTAssertNil(code, "serial \(serial)")
            } catch {
                XCTAssertEqual(error.code, code, "serial \(serial)")
            }
        }
    }

    func testABirthDateAfterTodayIsRefusedWhenTheClockIsGiven() throws {
        let today = try LocalDate.parse("2026-12-06")
        // Born 2026-12-06 (today) passes; 2026-12-07 is tomorrow; 2030 is a 20xx checksum.
        let cases: [(String, String?)] = [
            (NISS.digits(year: 2026, month: 12, day: 6, serial: 1), nil),
            (NISS.digits(year: 2026, month: 12, day: 7, serial: 1), "niss.birth_future"),
            (NISS.digits(year: 2030, month: 1, day: 1, serial: 2), "niss.birth_future"),
            // Only the year known (month and day 00): refused when the year is after this one.
            (NISS.digits(year: 2026, month: 0, day: 0, serial: 1), nil),
            (NISS.digits(year: 2027, month: 0, day: 0, serial: 1), "niss.birth_future"),
            ("85.07.30-033.28", nil),
        ]
        for (text, code) in cases {
            do {
                _ = try NISS(text, today: today)
                XCTAssertNil(code, text)
            } catch {
                XCTAssertEqual(error.code, code, text)
                XCTAssertEqual(error.parameters["today"], "2026-12-06", text)
            }
            XCTAssertNoThrow(try NISS(text), "without a clock, only the number itself is checked: \(text)")
        }
    }

    func testSexParityAgainstDeclaredSex() throws {
        XCTAssertNoThrow(try NISS("85.07.30-033.28", declaredSex: .male))
        XCTAssertThrowsError(try NISS("85.07.30-033.28", declaredSex: .female)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "niss.sex")
        }
        XCTAssertNoThrow(try NISS("87.01.01-002.56", declaredSex: .female))
        // A BIS number with unknown sex cannot contradict the declared sex.
        XCTAssertNoThrow(try NISS("85.29.30-002.19", declaredSex: .male))
    }

    func testFormattingMaskingAndCoding() throws {
        let niss = try NISS("85073003328")
        XCTAssertEqual(niss.formatted, "85.07.30-033.28")
        XCTAssertEqual(niss.masked, "**.**.**-***.28")
        let json = try JSONEncoder().encode([niss])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), "[\"85073003328\"]")
        XCTAssertEqual(try JSONDecoder().decode([NISS].self, from: json), [niss])
        XCTAssertThrowsError(try JSONDecoder().decode([NISS].self, from: Data("[\"85073003329\"]".utf8)))
    }
}
