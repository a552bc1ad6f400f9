@testable import FicheDomain
import XCTest

/// Numbers made for demo and test people must pass every check a real number passes.
final class MadeIdentifierTests: XCTestCase {
    func testMadeNationalNumbersAreTheKnownOnesAndCarryBirthAndSex() throws {
        XCTAssertEqual(NISS.digits(year: 1985, month: 7, day: 30, serial: 33), "85073003328")   // DOMAIN.md, 19xx
        XCTAssertEqual(NISS.digits(year: 2017, month: 7, day: 30, serial: 33), "17073003384")   // DOMAIN.md, 20xx
        var random = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let year = Int.random(in: 1940...2008, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...28, using: &random)
            let serial = Int.random(in: 1...997, using: &random)
            let niss = try NISS(NISS.digits(year: year, month: month, day: day, serial: serial))
            XCTAssertEqual(niss.birthDate, LocalDate(year: year, month: month, day: day))
            XCTAssertEqual(niss.sex, serial % 2 == 1 ? .male : .female)
        }
    }

    func testMadeIBANsPassTheISOAndTheBelgianChecks() throws {
        XCTAssertEqual(IBAN.belgian(account: 1_234_567_890), "BE32123456789002")   // DOMAIN.md
        var random = SeededGenerator(seed: 12)
        for account in [0, 97, 9_999_999_999] + (0..<500).map({ _ in Int.random(in: 0...9_999_999_999, using: &random) }) {
            let iban = IBAN.belgian(account: account)
            XCTAssertTrue(IBAN.isValid(iban), "\(account) → \(iban)")
        }
    }

    func testTheSameSeedGivesTheSameSequence() {
        var a = SeededGenerator(seed: 2026)
        var b = SeededGenerator(seed: 2026)
        var c = SeededGenerator(seed: 2027)
        let first = (0..<5).map { _ in a.next() }
        XCTAssertEqual(first, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(first, (0..<5).map { _ in c.next() })
    }
}
