import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// A changed IBAN is the classic payroll fraud: it takes effect only once a second person with
/// the right at that employer confirms it (`IBANChange`, the replica's rule), on both stores.
final class IBANConfirmationServerTests: XCTestCase {
    func testSQLiteANewIBANTakesEffectOnlyOnceASecondPersonConfirmsIt() async throws {
        try await Self.aNewIBANTakesEffectOnlyOnceASecondPersonConfirmsIt(.sqlite)
    }

    func testPostgresANewIBANTakesEffectOnlyOnceASecondPersonConfirmsIt() async throws {
        try await Self.aNewIBANTakesEffectOnlyOnceASecondPersonConfirmsIt(.postgres)
    }

    static func review(_ id: Int64, _ dossier: String, iban: String, _ decision: ReviewDecision) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString,
                        mutation: .reviewIBANChange(ReviewIBANChange(dossierID: dossier, iban: iban, decision: decision)))
    }

    static func aNewIBANTakesEffectOnlyOnceASecondPersonConfirmsIt(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("A001")
        try await AuthorizationMatrix.addAccount(fixture, "clerk2.ac", .payrollClerk, at: [ServerFixture.commune])
        try await AuthorizationMatrix.addAccount(fixture, "sup.ac", .supervisor, at: [ServerFixture.commune])
        let inForce = "BE32123456789002", asked = "BE68539007547034", other = "BE71096123456769"
        @Sendable func columns() async throws -> [String?] {
            try await fixture.dossierColumns(dossier, ["iban", "pending_iban", "pending_iban_by"])
        }
        try await fixture.test { api in
            let clerk = try await api.login("clerk.ac").accessToken
            let colleague = try await api.login("clerk2.ac").accessToken
            let supervisor = try await api.login("sup.ac").accessToken
            let (_, asking) = try await api.push(clerk, [.iban(1, dossier: dossier, old: inForce, new: asked)])
            XCTAssertEqual(asking?.results.first?.status, .applied)
            let waiting = try await columns()
            XCTAssertEqual(waiting.prefix(2), [inForce, asked], "the account in force stays until it is confirmed")
            XCTAssertNotNil(waiting.last ?? nil)

            let (_, refused) = try await api.push(clerk, [review(2, dossier, iban: asked, .approve)])
            XCTAssertEqual(refused?.results.first?.reason, "four_eyes.own_iban_change", "whoever asked does not confirm")
            let (_, masked) = try await api.push(supervisor, [review(1, dossier, iban: asked, .approve)])
            XCTAssertEqual(masked?.results.first?.reason, "access.denied", "who may not read IBANs does not confirm one")
            let (_, unseen) = try await api.push(colleague, [review(1, dossier, iban: other, .approve)])
            XCTAssertEqual(unseen?.results.first?.status, .conflict, "only the account shown is confirmed")
            XCTAssertEqual(unseen?.results.first?.reason, "iban.changed")
            let (_, confirmed) = try await api.push(colleague, [review(2, dossier, iban: "BE68 5390 0754 7034", .approve),
                                                                review(3, dossier, iban: asked, .approve)])
            XCTAssertEqual(confirmed?.results.map(\.status), [.applied, .rejected])
            XCTAssertEqual(confirmed?.results.last?.reason, "iban.no_pending_change")
            let inForceNow = try await columns()
            XCTAssertEqual(inForceNow, [asked, nil, nil])

            // Another change asked, then refused with a reason: the confirmed account stays.
            _ = try await api.push(clerk, [.iban(3, dossier: dossier, old: asked, new: other)])
            let (_, declined) = try await api.push(colleague, [review(4, dossier, iban: other, .reject(reason: "Compte inconnu"))])
            XCTAssertEqual(declined?.results.first?.status, .applied)
            let afterRefusal = try await columns()
            XCTAssertEqual(afterRefusal, [asked, nil, nil])
        }
        let audited = try await fixture.count(
            "SELECT COUNT(*) AS n FROM audit WHERE action = 'reviewIBANChange' AND decision LIKE 'applied%'")
        XCTAssertEqual(audited, 2)
        await fixture.store.close()
    }
}
