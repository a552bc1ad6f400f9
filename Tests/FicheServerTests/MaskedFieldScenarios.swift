import FicheTestSupport
import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// No answer to a push depends on a value the caller may not read: scenarios run by
/// `SQLiteServerTests` and `PostgresServerTests` on each store.
enum MaskedFieldScenarios {
    /// A supervisor may change an IBAN but not read it: whatever they guess as the old or the
    /// new value, the answers are the same, and show the IBAN masked.
    static func guessingAMaskedIBANTellsNothing(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        try await AuthorizationMatrix.addAccount(fixture, "sup.cpas", .supervisor, at: [ServerFixture.cpas])
        let stored = "BE32123456789002"
        let masked = "BE** **** **** 9002"
        try await fixture.test { api in
            let token = try await api.login("sup.cpas").accessToken
            // Right or wrong, as old or as new: one answer, the masked value as the supervisor sees it.
            let guesses: [(old: String?, new: String?)] = [
                ("BE68539007547034", stored), ("BE68539007547034", "BE71096123456769"),
                (stored, "BE71096123456769"), ("BE32 1234 5678 9002", stored), (nil, stored),
            ]
            var answers: [String] = []
            for (index, guess) in guesses.enumerated() {
                let (_, push) = try await api.push(token, [.iban(Int64(index + 1), dossier: dossier, old: guess.old, new: guess.new)])
                let result = try XCTUnwrap(push?.results.first)
                answers.append("\(result.status) \(result.reason ?? "") \(result.serverValue ?? "nil") \(result.seq == nil)")
            }
            XCTAssertEqual(answers, Array(repeating: "conflict field.changed \(masked) true", count: guesses.count))
            // From the value as shown, setting the stored IBAN or another one answers alike.
            let (_, same) = try await api.push(token, [.iban(6, dossier: dossier, old: masked, new: stored)])
            let (_, other) = try await api.push(token, [.iban(7, dossier: dossier, old: masked, new: "BE68539007547034")])
            for push in [same, other] {
                XCTAssertEqual(push?.results.first?.status, .applied)
                XCTAssertNotNil(push?.results.first?.seq)
            }
        }
        // Asked for, not in force: a second person who may read it confirms it first.
        let columns = try await fixture.dossierColumns(dossier, ["iban", "pending_iban"])
        XCTAssertEqual(columns, [stored, "BE68539007547034"])
        await fixture.store.close()
    }

    /// Those who may not read a NISS may not change it either: every guess is refused alike.
    static func guessingAMaskedNISSTellsNothing(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S001")
        let stored = "85073003328"
        try await fixture.test { api in
            for login in ["time.cpas", "auditor"] {
                let token = try await api.login(login).accessToken
                let guesses: [(old: String?, new: String?)] = [
                    ("17073003384", stored), ("17073003384", "17073003384"), (stored, "17073003384"), (stored, stored),
                    ("**.**.**-***.28", stored),
                ]
                var answers: [String] = []
                for (index, guess) in guesses.enumerated() {
                    let (_, push) = try await api.push(token, [.field(Int64(index + 1), dossier: dossier, .niss,
                                                                      old: guess.old, new: guess.new)])
                    let result = try XCTUnwrap(push?.results.first)
                    answers.append("\(result.status) \(result.reason ?? "") \(result.serverValue ?? "nil")")
                }
                XCTAssertEqual(answers, Array(repeating: "rejected access.denied nil", count: guesses.count), login)
            }
        }
        let niss = try await fixture.dossierColumns(dossier, ["niss"]).first ?? nil
        XCTAssertEqual(niss, stored)
        await fixture.store.close()
    }
}
