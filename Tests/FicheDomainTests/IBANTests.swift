@testable import FicheDomain
import XCTest

final class IBANTests: XCTestCase {
    func testBelgianIBANs() {
        let cases: [(String, String?)] = [
            ("BE32 1234 5678 9002", nil),            // DOMAIN.md
            ("BE41 0918 1173 5141", "iban.national_check"),  // DOMAIN.md: ISO passes, national fails
            ("BE68539007547034", nil),
            ("be71 0961 2345 6769", nil),
            ("BE33 1234 5678 9002", "iban.checksum"),
            ("NL91 ABNA 0417 1643 00", "iban.country"),
            ("BE32 1234 5678", "iban.format"),
            ("BE32 1234 5678 900X", "iban.format"),
            ("", "iban.format"),
        ]
        for (text, code) in cases {
            do {
                _ = try IBAN(text)
                XCTAssertNil(code, "\(text) should fail with \(code ?? "")")
            } catch {
                XCTAssertEqual(error.code, code, text)
            }
        }
    }

    func testISORemainderOfTheNationalCheckFailure() {
        XCTAssertEqual(IBAN.iso13616Remainder("BE41091811735141"), 1)
    }

    func testFormattedMaskedCoded() throws {
        let iban = try IBAN("be32123456789002")
        XCTAssertEqual(iban.compact, "BE32123456789002")
        XCTAssertEqual(iban.formatted, "BE32 1234 5678 9002")
        XCTAssertEqual(iban.masked, "BE** **** **** 9002")
        let json = try JSONEncoder().encode([iban])
        XCTAssertEqual(try JSONDecoder().decode([IBAN].self, from: json), [iban])
    }
}
