import FicheTestSupport
import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// Values past the range of the types behind them are refused in the push result; they once
/// stopped the whole server (a regime of "-99999999999999999999" trapped converting to Int).
final class OutOfRangeValueTests: XCTestCase {
    func testHugeRegimesAreRejectedAndTheServerKeepsAnswering() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let dossier = try await fixture.dossierID("S001")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let values = ["-99999999999999999999", "1e300", "-1e30 %", "4/0.0000000000000000001", "0", "nan"]
            let mutations = values.enumerated().map { index, value in
                PendingMutation.field(Int64(index + 1), dossier: dossier, .regimePercent, old: "100", new: value)
            }
            let (status, push) = try await api.push(token, mutations)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(push?.results.map(\.status), Array(repeating: .rejected, count: values.count))
            XCTAssertEqual(Set(push?.results.compactMap(\.reason) ?? []), ["regime.fraction"])
            // The same values sent as the old value are compared as sent, without trapping.
            let (_, second) = try await api.push(token, [
                .field(Int64(values.count + 1), dossier: dossier, .regimePercent, old: "-99999999999999999999", new: "80"),
            ])
            XCTAssertEqual(second?.results.first?.status, .conflict)
            let (pullStatus, _, _) = try await api.pull(token)
            XCTAssertEqual(pullStatus, .ok)
        }
        await fixture.store.close()
    }
}
