import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// The server refuses an annual leave beyond the balance with the replica's rule and inputs
/// (`LeaveLedger` over the career periods, the birth date and the year's entries), on both stores.
final class LeaveBalanceServerTests: XCTestCase {
    func testSQLiteAnAnnualLeaveBeyondTheBalanceIsRejectedAndNothingIsStored() async throws {
        try await Self.anAnnualLeaveBeyondTheBalanceIsRejectedAndNothingIsStored(.sqlite)
    }

    func testPostgresAnAnnualLeaveBeyondTheBalanceIsRejectedAndNothingIsStored() async throws {
        try await Self.anAnnualLeaveBeyondTheBalanceIsRejectedAndNothingIsStored(.postgres)
    }

    /// S002 works half time, every morning, since 2022 (the career period its import made):
    /// 13 days in 2026 and 5 carried from an unused 2025, 18 in all. A full day off on a
    /// mornings-only week counts half a day, so four weeks of leave are 10 days.
    static func anAnnualLeaveBeyondTheBalanceIsRejectedAndNothingIsStored(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        func leave(_ id: Int64, _ record: String, _ from: LocalDate, _ to: LocalDate) -> PendingMutation {
            .absence(id, dossier: dossier, record: record, from: from, to: to, status: .submitted)
        }
        let leaves = [leave(1, "leave-feb", "2026-02-02", "2026-02-27"), leave(2, "leave-mar", "2026-03-02", "2026-03-27"),
                      leave(3, "leave-short", "2026-03-02", "2026-03-17"), leave(4, "leave-more", "2026-06-01", "2026-06-05")]
        let june = [leave(5, "leave-jun", "2026-06-08", "2026-06-12"), leave(6, "leave-jun-short", "2026-06-15", "2026-06-18")]
        try await fixture.test { api in
            let time = try await api.login("time.cpas").accessToken
            let (_, push) = try await api.push(time, leaves)
            // 10 + 10 > 18: refused; 10 + 6 fits; then 2 days remain and a week (2.5) is refused.
            XCTAssertEqual(push?.results.map(\.status), [.applied, .rejected, .applied, .rejected])
            XCTAssertEqual(push?.results.map(\.reason), [nil, "leave.balance_exceeded", nil, "leave.balance_exceeded"])
            // A later push, months after the leaves it is counted against, sees them all the same;
            // two days it fits.
            let (_, later) = try await api.push(time, june)
            XCTAssertEqual(later?.results.map(\.status), [.rejected, .applied])
            XCTAssertEqual(later?.results.first?.reason, "leave.balance_exceeded")
            // Another type draws nothing from the balance.
            let (_, sick) = try await api.push(time, [
                .absence(7, dossier: dossier, record: "sick-jun", type: "sick", from: "2026-06-01", to: "2026-06-05",
                         status: .submitted),
            ])
            XCTAssertEqual(sick?.results.map(\.status), [.applied])
        }
        let stored = try await fixture.count("SELECT COUNT(*) AS n FROM time_records WHERE id IN ('leave-mar', 'leave-more')")
        XCTAssertEqual(stored, 0, "a refused leave is not stored")
        let kept = try await fixture.count("SELECT COUNT(*) AS n FROM time_records WHERE id IN ('leave-feb', 'leave-short')")
        XCTAssertEqual(kept, 2)
        await fixture.store.close()
    }
}
