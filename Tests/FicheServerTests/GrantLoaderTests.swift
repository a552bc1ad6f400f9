import FicheDomain
@testable import FicheServer
import XCTest

/// A grant row as the server reads it: open bounds stay open, and a bound that is not a date
/// never turns into a grant without end.
final class GrantLoaderTests: XCTestCase {
    private func row(from: SQLValue, to: SQLValue) -> StoreRow {
        let values: [String: SQLValue] = ["id": .text("grant-1"), "employer_code": .text("AC-IXL"),
                                          "role": .text(Role.payrollClerk.rawValue), "valid_from": from, "valid_to": to]
        return StoreRow(columns: ["id", "employer_code", "role", "valid_from", "valid_to"], values: values)
    }

    func testDatedBoundsAreRead() throws {
        let grant = try XCTUnwrap(GrantLoader.grant(from: row(from: .text("2026-01-01"), to: .text("2026-06-30")), userID: "usr-1"))
        XCTAssertEqual(grant.validFrom, try LocalDate.parse("2026-01-01"))
        XCTAssertEqual(grant.validTo, try LocalDate.parse("2026-06-30"))
    }

    func testNoBoundOrAnEmptyOneLeavesTheGrantOpen() throws {
        let grant = try XCTUnwrap(GrantLoader.grant(from: row(from: .null, to: .text("")), userID: "usr-1"))
        XCTAssertNil(grant.validFrom)
        XCTAssertNil(grant.validTo)
    }

    func testAnEndThatIsNotADateMakesNoGrant() {
        XCTAssertNil(GrantLoader.grant(from: row(from: .text("2026-01-01"), to: .text("never")), userID: "usr-1"))
        XCTAssertNil(GrantLoader.grant(from: row(from: .text("someday"), to: .null), userID: "usr-1"))
    }
}
