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

    func testAccountsOfEverySEPACountryByTheirRegistryLength() {
        // ISO 13616 registry examples: the country's length, then mod 97; only BE has a national check.
        let cases: [(String, String?)] = [
            ("FR76 3000 6000 0112 3456 7890 189", nil),
            ("NL91 ABNA 0417 1643 00", nil),                    // letters in the account (bank code)
            ("LU28 0019 4006 4475 0000", nil),
            ("DE89 3704 0044 0532 0130 00", nil),
            ("GB29 NWBK 6016 1331 9268 19", nil),               // outside the EU, in SEPA
            ("CH93 0076 2011 6238 5295 7", nil),
            ("MT84 MALT 0110 0001 2345 MTLC AST0 01S", nil),    // the longest, 31
            ("NO93 8601 1117 947", nil),                        // the shortest, 15
            ("it60x0542811101000000123456", nil),               // compact, lower case
            ("FR76 3000 6000 0112 3456 7890 188", "iban.checksum"),
            ("NL91 ABNA 0417 1643 0", "iban.format"),           // one character short for NL (18)
            ("LU28 0019 4006 4475 0000 0", "iban.format"),      // one too many for LU (20)
            ("FRXX 3000 6000 0112 3456 7890 189", "iban.format"), // check digits must be digits
            ("BR15 0000 0000 0000 1093 2840 814 P2", "iban.country"), // a valid IBAN, not SEPA
            ("BE32 1234 5678 90A2", "iban.format"),             // a Belgian account is digits only
        ]
        for (text, code) in cases {
            do {
                let iban = try IBAN(text)
                XCTAssertNil(code, "\(text) should fail with \(code ?? "")")
                XCTAssertEqual(iban.compact.count, IBANLengths.bySEPACountry[iban.country], text)
            } catch {
                XCTAssertEqual(error.code, code, text)
            }
        }
        XCTAssertEqual(try IBAN("FR76 3000 6000 0112 3456 7890 189").masked, "FR** **** **** **** **** ***0 189")
        XCTAssertEqual(try IBAN("NL91ABNA0417164300").formatted, "NL91 ABNA 0417 1643 00")
        // Every length of the table is one the registry allows (15 for Norway to 31 for Malta).
        XCTAssertTrue(IBANLengths.bySEPACountry.values.allSatisfy { (15...31).contains($0) })
        XCTAssertEqual(IBANLengths.bySEPACountry["BE"], 16)
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
