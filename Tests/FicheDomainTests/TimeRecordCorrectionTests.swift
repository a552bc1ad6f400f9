@testable import FicheDomain
import XCTest

/// A validated entry is changed by a correction that a second person validates; the entry it
/// corrects then stops counting.
final class TimeRecordCorrectionTests: XCTestCase {
    private let leave = Fixtures.absence("leave", "annual_leave", "2025-05-12", "2025-05-14", status: .validated)

    private func sheet(_ records: [TimeRecord], months: [PayrollMonth] = []) -> TimeSheet {
        TimeSheet(dossier: Fixtures.dossier(), records: records, catalogue: Fixtures.rules.absenceCatalogue,
                  calendar: WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime), payrollMonths: months)
    }

    private func correction(_ id: String, of original: TimeRecord, from: String, to: String, type: String = "annual_leave",
                            status: TimeRecordStatus = .submitted, cancels: Bool = false) -> TimeRecord {
        var record = Fixtures.absence(id, type, from, to, status: status)
        record.replacesID = original.id
        record.isCancellation = cancels
        return record
    }

    private func code(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let violation as RuleViolation {
            return violation.code
        } catch {
            return "unexpected \(error)"
        }
    }

    func testACorrectionMayCoverTheDaysOfTheEntryItReplacesButNoOtherEntrysDays() {
        let sick = Fixtures.absence("sick", "sick", "2025-05-16", status: .validated)
        let sheet = sheet([leave, sick])
        XCTAssertNil(code { try sheet.check(correction("c1", of: leave, from: "2025-05-13", to: "2025-05-15")) },
                     "it overlaps only the entry it replaces")
        XCTAssertEqual(code { try sheet.check(correction("c2", of: leave, from: "2025-05-13", to: "2025-05-16")) },
                       "absence.overlap")
    }

    func testAReasonComesOnlyWithACorrection() {
        let sheet = sheet([leave])
        var reasoned = correction("c1", of: leave, from: "2025-05-12", to: "2025-05-13")
        reasoned.correctionReason = "Retour anticipé"
        XCTAssertNil(code { try sheet.check(reasoned) })
        var loose = Fixtures.absence("new", "annual_leave", "2025-05-20", status: .submitted)
        loose.correctionReason = "Retour anticipé"
        XCTAssertEqual(code { try sheet.check(loose) }, "correction.not_found", "a reason names no entry to correct")
    }

    func testOnlyAValidatedEntryIsCorrectedOnceAtATimeAndKeepsItsKind() {
        let draft = Fixtures.absence("draft", "annual_leave", "2025-05-19", status: .submitted)
        let waiting = correction("waiting", of: leave, from: "2025-05-12", to: "2025-05-12")
        var clocking = correction("clock", of: leave, from: "2025-05-12", to: "2025-05-12")
        clocking.kind = .clocking
        clocking.typeCode = nil
        clocking.startMinute = 480
        clocking.endMinute = 720
        let cases: [(String, TimeSheet, TimeRecord, String?)] = [
            ("of an entry not validated", sheet([leave, draft]), correction("c", of: draft, from: "2025-05-19", to: "2025-05-19"),
             "correction.not_validated"),
            ("of an unknown entry", sheet([leave]), correction("c", of: draft, from: "2025-05-19", to: "2025-05-19"),
             "correction.not_found"),
            ("while another waits", sheet([leave, waiting]), correction("c", of: leave, from: "2025-05-13", to: "2025-05-13"),
             "correction.pending"),
            ("the waiting one edited", sheet([leave, waiting]), correction("waiting", of: leave, from: "2025-05-13", to: "2025-05-13"),
             nil),
            ("into another kind", sheet([leave]), clocking, "entry.kind"),
            ("a cancellation of other days", sheet([leave]),
             correction("c", of: leave, from: "2025-05-12", to: "2025-05-13", cancels: true), "correction.cancellation_dates"),
            ("a cancellation", sheet([leave]), correction("c", of: leave, from: "2025-05-12", to: "2025-05-14", cancels: true), nil),
        ]
        for (name, sheet, record, expected) in cases {
            XCTAssertEqual(code { try sheet.check(record) }, expected, name)
        }
    }

    func testTheEntryItCorrectsCountsUntilTheCorrectionIsValidatedThenIsCancelled() throws {
        let replacement = correction("c1", of: leave, from: "2025-05-13", to: "2025-05-15")
        XCTAssertFalse(replacement.isActive, "a correction waiting for review does not count yet")
        XCTAssertTrue(leave.isActive)
        let sheet = sheet([leave, replacement])
        XCTAssertEqual(code { _ = try sheet.validatingCorrection(replacement, by: Fixtures.clerk) }, "four_eyes.own_entry",
                       "four eyes, like any entry")
        let validated = try XCTUnwrap(sheet.validatingCorrection(replacement, by: Fixtures.supervisor))
        XCTAssertEqual(validated.correction.status, .validated)
        XCTAssertTrue(validated.correction.isActive)
        XCTAssertEqual(validated.cancelled.id, "leave")
        XCTAssertEqual(validated.cancelled.status, .cancelled)
        XCTAssertFalse(validated.cancelled.isActive)

        var cancellation = correction("c2", of: leave, from: "2025-05-12", to: "2025-05-14", cancels: true)
        cancellation.status = .validated
        XCTAssertFalse(cancellation.isActive, "a cancellation never counts itself")
        let later = self.sheet([validated.cancelled, validated.correction])
        XCTAssertEqual(code { _ = try later.validatingCorrection(correction("c3", of: leave, from: "2025-05-12", to: "2025-05-12"),
                                                                  by: Fixtures.supervisor) },
                       "correction.not_validated", "a second correction of a cancelled entry is refused")
    }

    func testACorrectionTouchingAClosedMonthIsBookedInTheOpenMonth() {
        let may = PayrollMonth(employerCode: "AC-IXL", month: Fixtures.date("2025-05-01").yearMonth, status: .closed)
        let sheet = sheet([leave], months: [may])
        let replacement = sheet.booked(correction("c1", of: leave, from: "2025-05-13", to: "2025-05-14"))
        XCTAssertEqual(replacement.correctionMonth?.description, "2025-06")
        XCTAssertNil(code { try sheet.check(replacement) }, "booked in June, it may change May")
        XCTAssertEqual(code { try sheet.check(Fixtures.absence("new", "annual_leave", "2025-05-19")) }, "month.closed",
                       "a new entry in a closed month is still refused")
        let june = sheet.booked(correction("c2", of: Fixtures.absence("x", "annual_leave", "2025-06-02", status: .validated),
                                           from: "2025-06-03", to: "2025-06-03"))
        XCTAssertNil(june.correctionMonth, "nothing closed touched: booked in its own month")
    }
}
