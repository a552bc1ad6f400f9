@testable import FicheReplica
import FicheDomain
import XCTest

/// A national number typed on the device is checked against the office day of the change: a
/// birth date after it is a typing error, refused before anything is written.
final class NISSWriteTests: XCTestCase {
    func testANationalNumberBornAfterTheOfficeDayIsRefusedAndNothingIsWritten() throws {
        let database = try ReplicaFixture.make()
        let bornOnSeventh = NISS.digits(year: 2026, month: 12, day: 7, serial: 1)
        let sixth = OfficeClock.instant(try LocalDate.parse("2026-12-06"), hour: 9)
        XCTAssertThrowsError(try database.updateDossierField("dos-2", .niss, to: bornOnSeventh, by: ReplicaFixture.clerk,
                                                            now: sixth)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "niss.birth_future")
        }
        XCTAssertEqual(try database.pendingMutations().count, 0)
        // The next day it is a possible number (a newborn).
        let seventh = OfficeClock.instant(try LocalDate.parse("2026-12-07"), hour: 9)
        XCTAssertNotNil(try database.updateDossierField("dos-2", .niss, to: bornOnSeventh, by: ReplicaFixture.clerk,
                                                       now: seventh))
        XCTAssertEqual(try database.pendingMutations().count, 1)
    }
}
