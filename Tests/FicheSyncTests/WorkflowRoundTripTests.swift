import FicheDomain
import FicheReplica
@testable import FicheSync
import FicheSyncProtocol
import Foundation
import XCTest

/// The screens' new writes travel replica → outbox → wire → server and back to other devices.
final class WorkflowRoundTripTests: XCTestCase {
    func testEveryNewMutationSurvivesTheWire() throws {
        let mutations: [Mutation] = [
            .reviewTimeRecord(ReviewTimeRecord(recordID: "r1", decision: ReviewTimeRecord.reject, reason: "Mauvaise date")),
            .reviewTimeRecord(ReviewTimeRecord(recordID: "r2", decision: ReviewTimeRecord.approve)),
            .recordArt60Event(RecordArt60Event(eventID: "e1", contractID: "c1", dossierID: "d1", date: "2026-03-02",
                                               kind: "partner_evaluation", placementID: "p1", note: "Bien")),
            .closePayrollMonth(ClosePayrollMonth(employerCode: "CPAS-T", month: "2026-02")),
            .recordReveal(RecordReveal(dossierID: "d1", field: "iban")),
        ]
        for mutation in mutations {
            let data = try JSONEncoder().encode(PendingMutation(id: 7, uuid: "u", mutation: mutation))
            XCTAssertEqual(try JSONDecoder().decode(PendingMutation.self, from: data).mutation, mutation)
        }
        let text = String(decoding: try JSONEncoder().encode(mutations[0]), as: UTF8.self)
        XCTAssertTrue(text.contains("\"name\":\"reviewTimeRecord\""), text)
        XCTAssertTrue(text.contains("\"record_id\":\"r1\""), text)
    }

    func testOutboxRowsBecomeTheWireMutationsTheServerKnows() {
        func entry(_ mutation: String, _ entity: String, _ target: String, _ changes: [String: FicheReplica.FieldChange]) -> OutboxEntry {
            OutboxEntry(id: 3, uuid: "u3", mutation: mutation, entity: entity, targetID: target, employerCode: "AC-T",
                        baseVersion: nil, changes: changes, createdAt: "", createdBy: "sup", attempts: 0)
        }
        let rejection = entry("reviewTimeRecord", "time_record", "r1", [
            "status": FicheReplica.FieldChange(old: "submitted", new: "rejected"), "rejection_reason": FicheReplica.FieldChange(old: nil, new: "Date"),
        ])
        XCTAssertEqual(WireMutation.pending(for: rejection, serverID: 1, dossierID: "r1").mutation,
                       .reviewTimeRecord(ReviewTimeRecord(recordID: "r1", decision: "reject", reason: "Date")))
        let clocking = entry("recordClocking", "time_record", "c1", [
            "dossier_id": FicheReplica.FieldChange(old: nil, new: "d1"), "kind": FicheReplica.FieldChange(old: nil, new: "clocking"),
            "start": FicheReplica.FieldChange(old: nil, new: "2026-03-02"), "end": FicheReplica.FieldChange(old: nil, new: "2026-03-02"),
            "start_minute": FicheReplica.FieldChange(old: nil, new: "480"), "end_minute": FicheReplica.FieldChange(old: nil, new: "720"),
        ])
        guard case .recordTimeRecord(let record) = WireMutation.pending(for: clocking, serverID: 2, dossierID: "c1").mutation else {
            return XCTFail("a clocking travels as recordTimeRecord")
        }
        XCTAssertEqual([record.kind, record.dossierID], ["clocking", "d1"])
        XCTAssertEqual([record.startMinute, record.endMinute], [480, 720])
        let close = entry("closePayrollMonth", "payroll_month", "AC-T/2026-01", ["month": FicheReplica.FieldChange(old: nil, new: "2026-01")])
        XCTAssertEqual(WireMutation.pending(for: close, serverID: 3, dossierID: "AC-T/2026-01").mutation,
                       .closePayrollMonth(ClosePayrollMonth(employerCode: "AC-T", month: "2026-01")))
    }

    func testAMonthClosedOnOneDeviceLocksItOnAnother() async throws {
        let server = try await Self.supervisorAndClerk(seeds: (1, 2)) { _, sup, clerk in

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
        let server = try await Self.supervisorAndClerk(seeds: (3, 4)) { server, sup, clerk in
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

    /// A commune (AC-T) with a supervisor and a payroll clerk, each on their own computer, both
    /// synced once; `body` runs while the server listens. The caller closes the returned server.
    private static func supervisorAndClerk(
        seeds: (UInt64, UInt64),
        _ body: @Sendable (SimulatedServer, SimulatedClient, SimulatedClient) async throws -> Void
    ) async throws -> SimulatedServer {
        let server = try await SimulatedServer.make(users: ["sup": ["AC-T"], "clerk": ["AC-T"]])
        try await server.accounts.grant(login: "sup", employer: "AC-T", role: .supervisor)
        try await server.serve { url in
            let sup = try await SimulatedClient.make(name: "pc-sup", login: "sup", server: url, seed: seeds.0, faultRate: 0)
            let clerk = try await SimulatedClient.make(name: "pc-clerk", login: "clerk", server: url, seed: seeds.1, faultRate: 0)
            defer {
                sup.remove()
                clerk.remove()
            }
            try await sup.session.sync()
            try await clerk.session.sync()
            try await body(server, sup, clerk)
        }
        return server
    }
}
