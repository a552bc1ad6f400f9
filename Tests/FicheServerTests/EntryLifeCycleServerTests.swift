import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// The author corrects or withdraws an entry not yet validated, with the replica's rules
/// (`TimeRecord.amended`, `checkChangeable`, `TimeSheet.check`), on both stores.
final class EntryLifeCycleServerTests: XCTestCase {
    func testSQLiteAnAuthorCorrectsAndWithdrawsTheirOwnEntryUntilItIsValidated() async throws {
        try await Self.anAuthorCorrectsAndWithdrawsTheirOwnEntryUntilItIsValidated(.sqlite)
    }

    func testPostgresAnAuthorCorrectsAndWithdrawsTheirOwnEntryUntilItIsValidated() async throws {
        try await Self.anAuthorCorrectsAndWithdrawsTheirOwnEntryUntilItIsValidated(.postgres)
    }

    func testSQLiteAValidatedEntryIsChangedByACorrectionThatASecondPersonValidates() async throws {
        try await Self.aValidatedEntryIsChangedByACorrectionThatASecondPersonValidates(.sqlite)
    }

    func testPostgresAValidatedEntryIsChangedByACorrectionThatASecondPersonValidates() async throws {
        try await Self.aValidatedEntryIsChangedByACorrectionThatASecondPersonValidates(.postgres)
    }

    static func correction(_ id: Int64, _ record: String, of original: String, dossier: String, from: LocalDate, to: LocalDate,
                           cancels: Bool = false) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .recordTimeRecord(RecordTimeRecord(
            recordID: record, dossierID: dossier, typeCode: "annual_leave", start: from, end: to, status: .submitted,
            replaces: original, cancellation: cancels ? true : nil)))
    }

    static func aValidatedEntryIsChangedByACorrectionThatASecondPersonValidates(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        try await AuthorizationMatrix.addAccount(fixture, "time2.cpas", .timeManager, at: [ServerFixture.cpas])
        try await AuthorizationMatrix.addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas])
        try await fixture.test { api in
            let time = try await api.login("time.cpas").accessToken
            let colleague = try await api.login("time2.cpas").accessToken
            let supervisor = try await api.login("sup.cpas").accessToken
            _ = try await api.push(time, [
                .absence(1, dossier: dossier, record: "leave-a", from: "2026-02-02", to: "2026-02-04", status: .submitted),
                .absence(2, dossier: dossier, record: "leave-b", from: "2026-02-09", to: "2026-02-10", status: .submitted),
            ])
            _ = try await api.push(supervisor, [AuthorizationMatrix.review(1, "leave-a", .approve),
                                                AuthorizationMatrix.review(2, "leave-b", .approve)])
            // A colleague corrects leave-a (a day shorter) and cancels leave-b.
            let (_, sent) = try await api.push(colleague, [
                correction(1, "fix-a", of: "leave-a", dossier: dossier, from: "2026-02-02", to: "2026-02-03"),
                correction(2, "again-a", of: "leave-a", dossier: dossier, from: "2026-02-03", to: "2026-02-03"),
                correction(3, "cancel-b", of: "leave-b", dossier: dossier, from: "2026-02-09", to: "2026-02-10", cancels: true),
                correction(4, "fix-draft", of: "fix-a", dossier: dossier, from: "2026-02-02", to: "2026-02-02"),
            ])
            XCTAssertEqual(sent?.results.map(\.reason), [nil, "correction.pending", nil, "correction.not_validated"])
            let (_, own) = try await api.push(colleague, [AuthorizationMatrix.review(5, "fix-a", .approve)])
            XCTAssertEqual(own?.results.first?.reason, "access.denied", "a time manager does not validate")
            let (_, reviewed) = try await api.push(supervisor, [AuthorizationMatrix.review(3, "fix-a", .approve),
                                                                AuthorizationMatrix.review(4, "cancel-b", .approve)])
            XCTAssertEqual(reviewed?.results.map(\.status), [.applied, .applied])
            // The author's device pulls the correction and the cancelled entry.
            let (_, pulled, _) = try await api.pull(time)
            let last = Dictionary(pulled?.changes.map { ($0.id, $0.row?["status"] ?? nil) } ?? [], uniquingKeysWith: { $1 })
            XCTAssertEqual(last["leave-a"], "cancelled")
            XCTAssertEqual(last["fix-a"], "validated")
        }
        let rows = try await fixture.store.read { tx in
            try await tx.query("SELECT id, status, replaces_id, cancellation FROM time_records WHERE deleted_at IS NULL ORDER BY id", [])
        }
        XCTAssertEqual(rows.map { "\($0.string("id") ?? "") \($0.string("status") ?? "")" },
                       ["cancel-b validated", "fix-a validated", "leave-a cancelled", "leave-b cancelled"])
        XCTAssertEqual(rows.first?.string("cancellation"), "1")
        XCTAssertEqual(rows.first?.string("replaces_id"), "leave-b")
        await fixture.store.close()
    }

    static func amend(_ id: Int64, _ record: String, dossier: String, kind: TimeRecordKind = .absence,
                      type: String? = "annual_leave", from: LocalDate, to: LocalDate) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .amendTimeRecord(RecordTimeRecord(
            recordID: record, dossierID: dossier, kind: kind, typeCode: type, start: from, end: to,
            startMinute: kind == .clocking ? 480 : nil, endMinute: kind == .clocking ? 720 : nil, status: .submitted)))
    }

    static func delete(_ id: Int64, _ record: String) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .deleteTimeRecord(DeleteTimeRecord(recordID: record)))
    }

    static func anAuthorCorrectsAndWithdrawsTheirOwnEntryUntilItIsValidated(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        try await AuthorizationMatrix.addAccount(fixture, "time2.cpas", .timeManager, at: [ServerFixture.cpas])
        try await AuthorizationMatrix.addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas])
        try await fixture.test { api in
            let time = try await api.login("time.cpas").accessToken
            let colleague = try await api.login("time2.cpas").accessToken
            let supervisor = try await api.login("sup.cpas").accessToken
            let (_, entered) = try await api.push(time, [
                .absence(1, dossier: dossier, record: "leave-a", from: "2026-02-02", to: "2026-02-03", status: .submitted),
                .absence(2, dossier: dossier, record: "leave-b", from: "2026-02-09", to: "2026-02-10", status: .submitted),
                amend(3, "leave-a", dossier: dossier, from: "2026-02-02", to: "2026-02-04"),
                amend(4, "leave-a", dossier: dossier, from: "2026-02-02", to: "2026-02-09"),
                amend(5, "leave-a", dossier: dossier, kind: .clocking, type: nil, from: "2026-02-02", to: "2026-02-02"),
            ])
            XCTAssertEqual(entered?.results.map(\.status), [.applied, .applied, .applied, .rejected, .rejected])
            XCTAssertEqual(entered?.results.map(\.reason), [nil, nil, nil, "absence.overlap", "entry.kind"],
                           "a correction is checked like a new entry; it keeps its kind")
            let (_, other) = try await api.push(colleague, [amend(1, "leave-a", dossier: dossier, from: "2026-02-02", to: "2026-02-02"),
                                                            delete(2, "leave-a")])
            XCTAssertEqual(other?.results.map(\.reason), ["entry.not_own", "entry.not_own"], "only the author changes an entry")
            let (_, reviewed) = try await api.push(supervisor, [AuthorizationMatrix.review(1, "leave-b", .approve)])
            XCTAssertEqual(reviewed?.results.first?.status, .applied)
            let (_, late) = try await api.push(time, [
                amend(6, "leave-b", dossier: dossier, from: "2026-02-09", to: "2026-02-09"),
                delete(7, "leave-b"),
                delete(8, "leave-a"),
                amend(9, "leave-a", dossier: dossier, from: "2026-02-02", to: "2026-02-02"),
            ])
            XCTAssertEqual(late?.results.map(\.status), [.conflict, .conflict, .applied, .rejected])
            XCTAssertEqual(late?.results.map(\.reason), ["entry.validated", "entry.validated", nil, "record.not_found"],
                           "a validated entry is no longer its author's to change; a deleted one is gone")
            // Every device that holds the entry drops it at its next pull.
            let (_, pulled, _) = try await api.pull(colleague)
            let changes = pulled?.changes.filter { $0.id == "leave-a" } ?? []
            XCTAssertEqual(changes.last?.op, .delete)
        }
        let rows = try await fixture.store.read { tx in
            try await tx.query("SELECT id, end_date, status, deleted_at FROM time_records ORDER BY id", [])
        }
        XCTAssertEqual(rows.map { $0.string("id") }, ["leave-a", "leave-b"])
        XCTAssertEqual(rows.first?.string("end_date"), "2026-02-04", "the correction that passed the rules was kept")
        XCTAssertNotNil(rows.first?.string("deleted_at"))
        XCTAssertEqual(rows.last?.string("end_date"), "2026-02-10")
        XCTAssertEqual(rows.last?.string("status"), "validated")
        XCTAssertNil(rows.last?.string("deleted_at"))
        let audited = try await fixture.count(
            "SELECT COUNT(*) AS n FROM audit WHERE action IN ('amendTimeRecord', 'deleteTimeRecord') AND decision = 'applied'")
        XCTAssertEqual(audited, 2)
        await fixture.store.close()
    }
}
