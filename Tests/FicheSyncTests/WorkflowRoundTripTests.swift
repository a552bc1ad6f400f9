import FicheDomain
import FicheReplica
@testable import FicheSync
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// The screens' new writes travel replica → outbox → wire → server and back to other devices.
final class WorkflowRoundTripTests: XCTestCase {
    /// Each field the dossier screen lets a clerk change is sent as it was typed and applied on
    /// the server; none is sent against a dossier the server cannot know.
    func testEveryDossierFieldADeviceChangesReachesTheServer() async throws {
        let server = try await SimulatedServer.supervisorAndClerk(seeds: (5, 6)) { server, sup, _ in
            let dossier = try XCTUnwrap(sup.replica.syncedRows(of: "dossier").keys.sorted().first)
            let typed: [DossierField: String] = [
                .niss: NISS.digits(year: 1980, month: 4, day: 12, serial: 101), .iban: IBAN.belgian(account: 4242),
                .lastName: "Vandenberghe", .firstName: "Ilse", .address: "Rue Malibran 12, 1050 Ixelles",
                .language: "nl", .payrollClerk: sup.user.id, .timeManager: sup.user.id, .status: "suspended",
            ]
            let offered = DossierField.allCases.filter { typed[$0] != nil }
            // A value the dossier already holds writes nothing; the server row is checked for all.
            let written = try offered.filter { try sup.replica.updateDossierField(dossier, $0, to: typed[$0], by: sup.user) != nil }
            XCTAssertGreaterThanOrEqual(written.count, offered.count - 2, "the dossier held at most two of the values")
            let sent = try sup.replica.pendingMutations().map(\.sent)
            XCTAssertEqual(sent.count, written.count, "each change waits in the outbox")
            for case .updateDossierField(let change) in sent {
                XCTAssertEqual(change.dossierID, dossier, "\(change.field) is sent against its dossier")
            }
            try await sup.session.sync()
            XCTAssertEqual(try sup.replica.recordedResults().map(\.status), Array(repeating: "applied", count: written.count))
            let stored = try await server.store.read { tx in try await tx.first("SELECT * FROM dossiers WHERE id = ?", [.text(dossier)]) }
            let row = try XCTUnwrap(stored)
            for field in offered {
                // A new IBAN waits for a second person's confirmation beside the one in force.
                let column = field == .iban ? "pending_iban" : field.rawValue
                XCTAssertEqual(row.string(column), try field.normalized(typed[field]), "\(field) on the server")
            }
        }
        await server.close()
    }

    func testAMonthClosedOnOneDeviceLocksItOnAnother() async throws {
        let server = try await SimulatedServer.supervisorAndClerk(seeds: (1, 2)) { _, sup, clerk in

            let january = try YearMonth.parse("2026-01")
            let closing = try XCTUnwrap(sup.replica.closePayrollMonth(employerCode: "AC-T", month: january, by: sup.user))
            let dossier = try XCTUnwrap(sup.replica.syncedRows(of: "dossier").keys.sorted().first)
            try sup.replica.recordReveal(dossierID: dossier, field: .niss, by: sup.user)
            try await sup.session.sync()
            XCTAssertEqual(try sup.replica.recordedResults().map(\.status), ["applied", "applied"])
            XCTAssertEqual(try sup.replica.recordedResults().first?.uuid, closing.uuid)
            XCTAssertEqual(try sup.replica.pendingMutations(), [])
            XCTAssertEqual(try sup.replica.payrollMonths(employerCode: "AC-T").map(\.status), [.closed])

            // The clerk's next sync brings the closed month: a January absence is refused at once.
            try await clerk.session.sync()
            XCTAssertEqual(try clerk.replica.payrollMonths(employerCode: "AC-T"),
                           [PayrollMonth(employerCode: "AC-T", month: january, status: .closed)])
            let leave = TimeRecord.absence(id: UUID().uuidString, employerCode: "AC-T", dossierID: dossier, type: "annual_leave",
                                           from: try LocalDate.parse("2026-01-12"), to: try LocalDate.parse("2026-01-12"),
                                           enteredBy: clerk.user.id)
            XCTAssertThrowsError(try clerk.replica.recordAbsence(leave, by: clerk.user, rules: try RuleBook.bundled())) { error in
                XCTAssertEqual((error as? RuleViolation)?.code, "month.closed")
            }
        }
        let reveals = try await server.store.read { tx in
            try await tx.first("SELECT COUNT(*) AS n FROM audit WHERE action = 'recordReveal' AND decision = 'allowed'")?.int("n")
        }
        XCTAssertEqual(reveals, 1)
        await server.close()
    }

    /// A clerk's absence saved on one computer reaches the supervisor's queue on another, is
    /// approved there, and comes back validated.
    func testAnEntrySentForValidationReachesTheSupervisorsQueueElsewhere() async throws {
        let server = try await SimulatedServer.supervisorAndClerk(seeds: (3, 4)) { server, sup, clerk in
            let dossier = try XCTUnwrap(clerk.replica.syncedRows(of: "dossier").keys.sorted().first)
            var leave = TimeRecord.absence(id: UUID().uuidString, employerCode: "AC-T", dossierID: dossier, type: "annual_leave",
                                           from: try LocalDate.parse("2026-03-09"), to: try LocalDate.parse("2026-03-10"),
                                           enteredBy: clerk.user.id)
            leave.status = .submitted  // what the absence form saves
            let rules = try RuleBook.bundled()
            try clerk.replica.recordAbsence(leave, by: clerk.user, rules: rules)
            try await clerk.session.sync()
            let leaveID = leave.id
            let serverStatus = try await server.store.read { tx in
                try await tx.first("SELECT status FROM time_records WHERE id = ?", [.text(leaveID)])?.string("status")
            }
            XCTAssertEqual(serverStatus, "submitted")

            try await sup.session.sync()
            let today = try LocalDate.parse("2026-03-20")
            XCTAssertEqual(try sup.replica.validationQueue(asOf: today).map(\.record.id), [leave.id])
            let outcomes = try sup.replica.reviewTimeRecords(ids: [leave.id], decision: .approve, by: sup.user, rules: rules)
            XCTAssertEqual(outcomes.count, 1)
            try await sup.session.sync()
            XCTAssertEqual(try sup.replica.recordedResults().last?.status, "applied")
            XCTAssertEqual(try sup.replica.validationQueue(asOf: today), [])

            try await clerk.session.sync()
            let card = try XCTUnwrap(clerk.replica.openDossier(dossier, year: 2026))
            XCTAssertEqual(card.timeRecords.first { $0.id == leave.id }?.status, .validated)
        }
        await server.close()
    }

    /// An entry corrected, and another withdrawn, on the clerk's computer: the server holds the
    /// correction and drops the other, and the supervisor's queue elsewhere shows exactly that.
    func testACorrectedAndAWithdrawnEntryReachTheServerAndTheSupervisorsQueue() async throws {
        let server = try await SimulatedServer.supervisorAndClerk(seeds: (7, 8)) { server, sup, clerk in
            let dossier = try XCTUnwrap(clerk.replica.syncedRows(of: "dossier").keys.sorted().first)
            let rules = try RuleBook.bundled()
            func leave(_ from: String, _ to: String) throws -> TimeRecord {
                var record = TimeRecord.absence(id: UUID().uuidString, employerCode: "AC-T", dossierID: dossier, type: "annual_leave",
                                                from: try LocalDate.parse(from), to: try LocalDate.parse(to), enteredBy: clerk.user.id)
                record.status = .submitted
                return record
            }
            let kept = try leave("2026-03-09", "2026-03-10")
            let withdrawn = try leave("2026-03-16", "2026-03-16")
            try clerk.replica.recordAbsence(kept, by: clerk.user, rules: rules)
            try clerk.replica.recordAbsence(withdrawn, by: clerk.user, rules: rules)
            try await clerk.session.sync()
            var corrected = kept
            corrected.end = try LocalDate.parse("2026-03-12")
            try clerk.replica.amendTimeRecord(corrected, by: clerk.user, rules: rules)
            try clerk.replica.deleteTimeRecord(withdrawn.id, by: clerk.user)
            try await clerk.session.sync()
            XCTAssertEqual(try clerk.replica.recordedResults().map(\.status), ["applied", "applied", "applied", "applied"])
            let rows = try await server.store.read { tx in
                try await tx.query("SELECT id, end_date, deleted_at FROM time_records WHERE dossier_id = ? ORDER BY start_date",
                                   [.text(dossier)])
            }
            XCTAssertEqual(rows.map { $0.string("end_date") }, ["2026-03-12", "2026-03-16"])
            XCTAssertEqual(rows.map { $0.string("deleted_at") == nil }, [true, false])
            let held = try XCTUnwrap(clerk.replica.openDossier(dossier, year: 2026)).timeRecords
            XCTAssertEqual(held.map(\.id), [kept.id], "the clerk's replica holds what the server holds")
            XCTAssertEqual(held.first?.end, corrected.end)

            try await sup.session.sync()
            let queue = try sup.replica.validationQueue(asOf: try LocalDate.parse("2026-03-20"))
            XCTAssertEqual(queue.map(\.record.id), [kept.id])
            XCTAssertEqual(queue.first?.record.end, corrected.end)
        }
        await server.close()
    }

    /// A validated entry corrected on the clerk's computer: the supervisor validates the
    /// correction elsewhere, and every replica ends with the correction counted and the entry it
    /// replaced cancelled.
    func testACorrectionOfAValidatedEntryReplacesItOnceASecondPersonValidatesIt() async throws {
        let server = try await SimulatedServer.supervisorAndClerk(seeds: (9, 10)) { _, sup, clerk in
            let dossier = try XCTUnwrap(clerk.replica.syncedRows(of: "dossier").keys.sorted().first)
            let rules = try RuleBook.bundled()
            var leave = TimeRecord.absence(id: UUID().uuidString, employerCode: "AC-T", dossierID: dossier, type: "annual_leave",
                                           from: try LocalDate.parse("2026-03-09"), to: try LocalDate.parse("2026-03-11"),
                                           enteredBy: clerk.user.id)
            leave.status = .submitted
            try clerk.replica.recordAbsence(leave, by: clerk.user, rules: rules)
            try await clerk.session.sync()
            try await sup.session.sync()
            try sup.replica.reviewTimeRecords(ids: [leave.id], decision: .approve, by: sup.user, rules: rules)
            try await sup.session.sync()
            try await clerk.session.sync()

            var shorter = leave
            shorter.end = try LocalDate.parse("2026-03-10")
            let (correction, _) = try clerk.replica.recordCorrection(of: leave.id, replacingWith: shorter, by: clerk.user, rules: rules)
            XCTAssertThrowsError(try clerk.replica.recordCorrection(of: leave.id, replacingWith: nil, by: clerk.user, rules: rules)) {
                XCTAssertEqual(($0 as? RuleViolation)?.code, "correction.pending", "one correction at a time")
            }
            try await clerk.session.sync()
            try await sup.session.sync()
            let today = try LocalDate.parse("2026-03-20")
            XCTAssertEqual(try sup.replica.validationQueue(asOf: today).map(\.record.id), [correction.id])
            try sup.replica.reviewTimeRecords(ids: [correction.id], decision: .approve, by: sup.user, rules: rules)
            let beforeSync = try XCTUnwrap(sup.replica.openDossier(dossier, year: 2026)).timeRecords
            XCTAssertEqual(beforeSync.first { $0.id == leave.id }?.status, .cancelled, "the reviewer sees it at once")
            try await sup.session.sync()
            try await clerk.session.sync()
            for replica in [clerk.replica, sup.replica] {
                let records = try XCTUnwrap(replica.openDossier(dossier, year: 2026)).timeRecords
                XCTAssertEqual(records.first { $0.id == leave.id }?.status, .cancelled)
                XCTAssertEqual(records.first { $0.id == correction.id }?.status, .validated)
                XCTAssertEqual(records.filter(\.isActive).map(\.end), [shorter.end], "only the correction counts")
            }
        }
        await server.close()
    }
}
