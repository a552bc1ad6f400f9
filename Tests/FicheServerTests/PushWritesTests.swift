import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// A push round keeps what it read (dossiers, records, payroll months) for its later mutations:
/// every write goes through `PushWrites`, which drops what it kept of the rows it touches.
final class PushWritesTests: XCTestCase {
    /// The handlers and the rules' loader never write on the transaction themselves: a write
    /// there would leave the round reading a stale row.
    func testHandlersWriteOnlyThroughTheRoundsWrites() throws {
        let sync = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/FicheServer/Sync")
        for name in ["PushProcessor.swift", "PushProcessor+EntryLifeCycle.swift", "PushProcessor+IBANChange.swift",
                     "TimeSheetLoader.swift"] {
            let text = try String(contentsOf: sync.appendingPathComponent(name), encoding: .utf8)
            XCTAssertFalse(text.contains(".execute("), "\(name) writes on the transaction: go through PushWrites")
            XCTAssertTrue(text.contains("writes"), "\(name) is still the file the handlers live in")
        }
    }

    /// In one push, a second change of the same dossier's IBAN starts from the first one's value
    /// and is applied; a change from the value before both is a conflict naming the newest.
    func testALaterChangeInTheSameRoundSeesTheEarlierOne() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let dossier = try await fixture.dossierID("S001")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (_, push) = try await api.push(token, [
                .iban(1, dossier: dossier, old: "BE32123456789002", new: "BE68539007547034"),
                .iban(2, dossier: dossier, old: "BE68539007547034", new: "BE71096123456769"),
                .iban(3, dossier: dossier, old: "BE32123456789002", new: "BE43068999999501"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.applied, .applied, .conflict])
            XCTAssertEqual(push?.results.last?.serverValue, "BE71096123456769")
            let seqs = push?.results.prefix(2).compactMap(\.seq) ?? []
            XCTAssertEqual(seqs.count, 2)
            XCTAssertEqual(seqs.sorted(), seqs, "the second change is logged after the first")
        }
        let stored = try await fixture.store.read { tx in
            try await tx.first("SELECT iban, pending_iban, version FROM dossiers WHERE id = ?", [.text(dossier)])
        }
        XCTAssertEqual(stored?.string("pending_iban"), "BE71096123456769", "asked for, waiting for a second person")
        XCTAssertEqual(stored?.string("iban"), "BE32123456789002")
        await fixture.store.close()
    }

    /// A month closed early in a push is closed for the entries after it in the same push.
    func testAnEntryAfterTheMonthsClosingInTheSameRoundIsRefused() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        fixture.clock.advance(seconds: 70 * 86_400)  // March 2026: February is over
        let dossier = try await fixture.dossierID("S002")
        try await AuthorizationMatrix.addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas])
        try await fixture.test { api in
            let token = try await api.login("sup.cpas").accessToken
            let (_, push) = try await api.push(token, [
                .absence(1, dossier: dossier, from: "2026-02-09", to: "2026-02-09"),
                PendingMutation(id: 2, uuid: UUID().uuidString, mutation: .closePayrollMonth(
                    ClosePayrollMonth(employerCode: ServerFixture.cpas, month: "2026-02"))),
                .absence(3, dossier: dossier, from: "2026-02-10", to: "2026-02-10"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.applied, .applied, .rejected])
            XCTAssertEqual(push?.results.last?.reason, "month.closed")
        }
        await fixture.store.close()
    }
}
