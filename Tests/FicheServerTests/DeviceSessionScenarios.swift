import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// Signing in again, lost refresh answers and stolen refresh tokens, written once and run by
/// `SQLiteServerTests` and `PostgresServerTests` against each store.
enum DeviceSessionScenarios {
    /// `fiche login` on a computer that signed in before keeps its device: the replica's outbox
    /// numbering goes on, so an entry sent before and sent again is answered, not applied twice.
    static func signingInAgainKeepsTheDevice(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        let clerkID = try await fixture.store.read { tx in
            try await tx.first("SELECT id FROM users WHERE login = 'clerk.cpas'")?.string("id")
        }
        try await fixture.test { api in
            let first = try await api.login("clerk.cpas")
            XCTAssertEqual(first.userID, clerkID, "the login answer names the user by id")
            let absence = PendingMutation.absence(1, dossier: dossier, from: "2026-02-02", to: "2026-02-03")
            let (_, pushed) = try await api.push(first.accessToken, [absence])
            XCTAssertEqual(pushed?.results.first?.status, .applied)

            let again = try await api.login("clerk.cpas", knownDevice: first.deviceID)
            XCTAssertEqual(again.deviceID, first.deviceID)
            let (old, _, _) = try await api.pull(first.accessToken)
            XCTAssertEqual(old, .unauthorized, "the previous tokens stop working")
            let (_, replayed) = try await api.push(again.accessToken, [absence])
            XCTAssertEqual(replayed?.results.first?.status, .applied)
            let (_, next) = try await api.push(again.accessToken, [
                .absence(2, dossier: dossier, from: "2026-03-02", to: "2026-03-02"),
            ])
            XCTAssertEqual(next?.results.first?.status, .applied, "numbering goes on after the last mutation id")

            // Someone else's device id, or a made-up one, gets a new device.
            let other = try await api.login("clerk.ac", knownDevice: first.deviceID)
            XCTAssertNotEqual(other.deviceID, first.deviceID)
            let madeUp = try await api.login("clerk.cpas", knownDevice: "no-such-device")
            XCTAssertNotEqual(madeUp.deviceID, first.deviceID)
        }
        let devices = try await fixture.count("SELECT COUNT(*) AS n FROM devices")
        XCTAssertEqual(devices, 3)
        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, 2)
        await fixture.store.close()
    }

    /// A replica that signed in as a new device (its token file was lost) sends its unsent
    /// entries again under new numbers: the ones the server already has are answered as before.
    static func sameEntryFromAnotherDeviceAppliesOnce(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        try await fixture.test { api in
            let laptop = try await api.login("clerk.cpas", device: "laptop")
            let entry = PendingMutation.absence(1, dossier: dossier, from: "2026-02-02", to: "2026-02-03")
            let (_, first) = try await api.push(laptop.accessToken, [entry])
            XCTAssertEqual(first?.results.first?.status, .applied)

            let fresh = try await api.login("clerk.cpas", device: "laptop")
            XCTAssertNotEqual(fresh.deviceID, laptop.deviceID)
            let renumbered = PendingMutation(id: 1, uuid: entry.uuid, mutation: entry.mutation)
            let (_, again) = try await api.push(fresh.accessToken, [renumbered])
            XCTAssertEqual(again?.results.first?.status, .applied)
            XCTAssertEqual(again?.results.first?.seq, first?.results.first?.seq, "the stored answer, not a new change")

            // The same entry id from another user is theirs to send: it is not taken for a replay.
            let colleague = try await api.login("clerk2.cpas")
            let (_, theirs) = try await api.push(colleague.accessToken, [
                PendingMutation(id: 1, uuid: entry.uuid,
                                mutation: PendingMutation.absence(1, dossier: dossier, from: "2026-04-07", to: "2026-04-07").mutation),
            ])
            XCTAssertEqual(theirs?.results.first?.status, .applied, "\(String(describing: theirs?.results.first?.reason))")
            XCTAssertNotEqual(theirs?.results.first?.seq, first?.results.first?.seq)
        }
        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, 2)
        await fixture.store.close()
    }

    /// The refresh answer is lost after the server rotated the tokens: the device still holds
    /// the previous refresh token and may use it — until the pair it was exchanged for is used,
    /// after which presenting it again is a stolen copy and stops every token of the device.
    static func lostRefreshAnswerIsForgivenButAReplayIsNot(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        try await fixture.test { api in
            let signedIn = try await api.login("clerk.cpas")
            let (lostStatus, lost) = try await api.refresh(signedIn.refreshToken)
            XCTAssertEqual(lostStatus, .ok)
            // The answer never arrived; the device asks again with the token it has.
            let (retryStatus, retried) = try await api.refresh(signedIn.refreshToken)
            XCTAssertEqual(retryStatus, .ok)
            let renewed = try XCTUnwrap(retried)
            XCTAssertEqual(renewed.deviceID, signedIn.deviceID)
            let (staleStatus, _, _) = try await api.pull(try XCTUnwrap(lost).accessToken)
            XCTAssertEqual(staleStatus, .unauthorized, "only the latest pair works")
            let (working, _, _) = try await api.pull(renewed.accessToken)
            XCTAssertEqual(working, .ok)

            // The renewed pair is in use: the old refresh token now is a replay.
            let (replayStatus, _) = try await api.refresh(signedIn.refreshToken)
            XCTAssertEqual(replayStatus, .unauthorized)
            let (afterReplay, _, error) = try await api.pull(renewed.accessToken)
            XCTAssertEqual(afterReplay, .unauthorized, "a replay stops the device's tokens")
            XCTAssertEqual(error?.error, "unauthorized")
            let (refreshAfter, _) = try await api.refresh(renewed.refreshToken)
            XCTAssertEqual(refreshAfter, .unauthorized)

            // Its owner signs in again and keeps the device.
            let back = try await api.login("clerk.cpas", knownDevice: signedIn.deviceID)
            XCTAssertEqual(back.deviceID, signedIn.deviceID)
            let (ok, _, _) = try await api.pull(back.accessToken)
            XCTAssertEqual(ok, .ok)
        }
        let audited = try await fixture.count("SELECT COUNT(*) AS n FROM audit WHERE action = 'refresh' AND decision = 'denied reused'")
        XCTAssertEqual(audited, 1)
        await fixture.store.close()
    }
}
