@testable import FicheDomain
import XCTest

final class AccessRightsTests: XCTestCase {
    func testRoleIdsAreStable() {
        XCTAssertEqual(Role.allCases.map(\.rawValue),
                       ["payroll_clerk", "time_manager", "art60_officer", "supervisor", "auditor", "admin"])
        XCTAssertEqual(Role(rawValue: "art60_officer"), .art60Officer)
    }

    func testWhatEachRoleMayDo() {
        let cases: [(Role, Permission, Bool)] = [
            (.payrollClerk, .viewFullNISS, true), (.payrollClerk, .viewIBAN, true),
            (.payrollClerk, .validateTimeRecord, false),
            (.timeManager, .enterTimeRecord, true), (.timeManager, .viewFullNISS, false), (.timeManager, .viewIBAN, false),
            (.art60Officer, .manageArt60, true), (.art60Officer, .viewIBAN, false),
            (.supervisor, .validateTimeRecord, true), (.supervisor, .closePayrollMonth, true),
            (.supervisor, .reassignDossier, true),
            (.auditor, .viewAuditLog, true), (.auditor, .editDossier, false), (.auditor, .viewFullNISS, false),
            (.auditor, .enterTimeRecord, false),
            (.admin, .manageUsers, true), (.admin, .viewDossier, false), (.admin, .viewFullNISS, false),
        ]
        for (role, permission, expected) in cases {
            XCTAssertEqual(role.permissions.contains(permission), expected, "\(role.rawValue) \(permission.rawValue)")
        }
    }

    func testGrantsArePerEmployerAndMaskIdentifiers() throws {
        let grants = [
            Grant(id: "g1", userID: "u1", employerCode: "AC-IXL", role: .payrollClerk),
            Grant(id: "g2", userID: "u1", employerCode: "CPAS-IXL", role: .timeManager),
            Grant(id: "g3", userID: "u1", employerCode: "CPAS-IXL", role: .supervisor,
                  validFrom: Fixtures.date("2026-01-01")),
            Grant(id: "g4", userID: "u2", employerCode: "AC-IXL", role: .admin),
        ]
        let rights = AccessRights(userID: "u1", grants: grants, on: Fixtures.date("2025-06-01"))
        XCTAssertEqual(rights.employerCodes, ["AC-IXL", "CPAS-IXL"])
        XCTAssertTrue(rights.may(.viewIBAN, at: "AC-IXL"))
        XCTAssertFalse(rights.may(.viewIBAN, at: "CPAS-IXL"))
        XCTAssertFalse(rights.may(.validateTimeRecord, at: "CPAS-IXL"))   // supervisor grant not yet valid
        XCTAssertTrue(AccessRights(userID: "u1", grants: grants, on: Fixtures.date("2026-02-01"))
            .may(.validateTimeRecord, at: "CPAS-IXL"))
        XCTAssertThrowsError(try rights.require(.validateTimeRecord, at: "CPAS-IXL")) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "access.denied")
            XCTAssertEqual((error as? RuleViolation)?.parameters,
                           ["permission": "validate_time_record", "employer": "CPAS-IXL"])
        }
        let niss = try NISS("85.07.30-033.28")
        let iban = try IBAN("BE32123456789002")
        XCTAssertEqual(rights.nissText(niss, at: "AC-IXL"), "85.07.30-033.28")
        XCTAssertEqual(rights.nissText(niss, at: "CPAS-IXL"), "**.**.**-***.28")
        XCTAssertEqual(rights.ibanText(iban, at: "AC-IXL"), "BE32 1234 5678 9002")
        XCTAssertEqual(rights.ibanText(iban, at: "CPAS-IXL"), "BE** **** **** 9002")
        XCTAssertEqual(rights.nissText(niss, at: "OTHER"), "**.**.**-***.28")
    }

    func testViolationsAreTranslatable() {
        let violation = RuleViolation.monthClosed(month: YearMonth(year: 2025, month: 4)!,
                                                  correctionMonth: YearMonth(year: 2025, month: 5)!)
        XCTAssertEqual(violation.code, "month.closed")
        XCTAssertEqual(violation.messageKey, "error.month.closed")
        XCTAssertEqual(violation.parameters, ["month": "2025-04", "correction_month": "2025-05"])
    }
}
