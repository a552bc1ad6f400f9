import FicheDomain
import FicheSyncProtocol
import Foundation
import XCTest

/// The server checks typed identifiers with the same rules as the device: a national number
/// born after the server's office day is refused, a foreign SEPA account is accepted.
enum IdentifierScenarios {
    static func aFutureBirthIsRefusedAndASEPAAccountAccepted(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            // The test clock reads 1 January 2026: a birth on 2 January 2026 is after it.
            let (_, push) = try await api.push(token, [
                .field(1, dossier: dossier, .niss, old: "85073003328", new: NISS.digits(year: 2026, month: 1, day: 2, serial: 1)),
                .field(2, dossier: dossier, .iban, old: "BE32123456789002", new: "FR76 3000 6000 0112 3456 7890 189"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.rejected, .applied])
            XCTAssertEqual(push?.results.first?.reason, "niss.birth_future")
        }
        await fixture.store.close()
    }
}
