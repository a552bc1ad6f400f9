@testable import FicheDomain
import XCTest

final class PersonTests: XCTestCase {
    func testNISSMustAgreeWithSexAndBirthDate() throws {
        let cases: [(String, Sex, String, String?)] = [
            ("85.07.30-033.28", .male, "1985-07-30", nil),
            ("85.07.30-033.28", .female, "1985-07-30", "niss.sex"),
            ("85.07.30-033.28", .male, "1985-07-31", "niss.birth_date_mismatch"),
            ("85.29.30-002.19", .female, "1985-09-30", nil),      // BIS, sex unknown
            ("00.00.00-001.96", .male, "1962-03-04", nil),        // birth unknown
        ]
        for (text, sex, birth, expected) in cases {
            let person = Person(id: "p", niss: try NISS(text), lastName: "Van den Bossche", firstName: "Anaïs",
                                birthDate: Fixtures.date(birth), sex: sex, language: .nl,
                                iban: try IBAN("BE32 1234 5678 9002"))
            do {
                try person.checkIdentity()
                XCTAssertNil(expected, "\(text) \(sex) \(birth)")
            } catch {
                XCTAssertEqual(error.code, expected, "\(text) \(sex) \(birth)")
            }
        }
    }

    func testPersonAndDossierRoundTripAsJSON() throws {
        let person = Person(id: "p1", niss: try NISS("87010100256"), lastName: "El Amrani", firstName: "Siham",
                            birthDate: Fixtures.date("1987-01-01"), sex: .female, language: .fr,
                            address: Address(street: "Chaussée d'Ixelles", number: "168", postalCode: "1050",
                                             city: "Ixelles"),
                            iban: try IBAN("BE68 5390 0754 7034"))
        XCTAssertEqual(try JSONDecoder().decode(Person.self, from: JSONEncoder().encode(person)), person)
        XCTAssertEqual(person.sortName, "El Amrani, Siham")
        let dossier = Fixtures.dossier()
        XCTAssertEqual(try JSONDecoder().decode(Dossier.self, from: JSONEncoder().encode(dossier)), dossier)
        XCTAssertTrue(dossier.isEmployed(on: Fixtures.date("2025-01-01")))
    }

    func testPartTimeArticle60Contracts() {
        let start = Fixtures.date("2025-03-03")
        let cases: [(String, String?, String?)] = [
            ("100 %", nil, nil),
            ("50 %", "2025-09-02", nil),
            ("50 %", "2025-09-03", "art60.part_time"),   // longer than 6 months
            ("40 %", "2025-06-30", "art60.part_time"),   // under half-time
            ("80 %", nil, "art60.part_time"),            // no planned end
        ]
        for (regime, plannedEnd, expected) in cases {
            do {
                let contract = Art60Contract(id: "a", employerCode: "CPAS-IXL", dossierID: "d", start: start,
                                             plannedEnd: plannedEnd.map { Fixtures.date($0) },
                                             regime: try RegimeFraction.parse(regime))
                try contract.checkRegime()
                XCTAssertNil(expected, regime)
            } catch {
                XCTAssertEqual(error.code, expected, regime)
            }
        }
    }
}
