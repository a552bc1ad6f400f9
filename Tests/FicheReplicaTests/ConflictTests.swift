@testable import FicheReplica
import FicheDomain
import XCTest

/// The sync conflicts list: what the server refused, with the dossier and what was typed, and
/// settling an item by keeping the server's value.
final class ConflictTests: XCTestCase {
    /// The server's answer to a local change, as the sync engine records it.
    private func answer(_ entry: OutboxEntry, _ status: String, reason: String, serverValue: String? = nil,
                        in database: AppDatabase) throws {
        let base = try database.syncState().mutationBase
        try database.recordMutationResults([
            AppDatabase.SyncedResult(serverMutationID: entry.id - base, uuid: entry.uuid, status: status, reason: reason,
                                     serverValue: serverValue, seq: nil),
        ])
    }

    func testARefusedAbsenceAndAConflictingIbanAreListedWithTheirDossierAndWhatWasTyped() throws {
        let database = try ReplicaFixture.make()
        let absence = try database.recordAbsence(
            .absence(id: "new-1", employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                     from: ReplicaFixture.date("2026-12-01"), to: ReplicaFixture.date("2026-12-02"), enteredBy: "u-time"),
            by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules)
        let iban = try XCTUnwrap(database.updateDossierField("dos-2", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        try answer(absence, "rejected", reason: "month.closed", in: database)
        try answer(iban, "conflict", reason: "field.changed", serverValue: "BE71096123456769", in: database)

        let conflicts = try database.syncConflicts()
        XCTAssertEqual(conflicts.map(\.mutationID), [absence.id, iban.id])
        let refused = conflicts[0]
        XCTAssertEqual(refused.status, "rejected")
        XCTAssertEqual(refused.dossierID, "dos-1", "a refused new record names its dossier only in what was typed")
        XCTAssertEqual(refused.dossierNumber, "AC-000121")
        XCTAssertEqual(refused.dossierName, "Van den Bossche, Éloïse")
        XCTAssertEqual(refused.changes["start"]?.new, "2026-12-01")
        let conflict = conflicts[1]
        XCTAssertTrue(conflict.isConflict)
        XCTAssertEqual(conflict.dossierID, "dos-2", "a person's field belongs to the person's dossier")
        XCTAssertEqual(conflict.changes["iban"]?.new, "BE68539007547034")
        XCTAssertEqual(conflict.serverValue, "BE71096123456769")
    }

    func testKeepingTheServerValueClearsTheItemFromTheListAndTheBadgeAndIsAudited() throws {
        let database = try ReplicaFixture.make()
        let iban = try XCTUnwrap(database.updateDossierField("dos-2", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        try answer(iban, "conflict", reason: "field.changed", serverValue: "BE71096123456769", in: database)
        XCTAssertEqual(try database.syncCounts().conflicts, 1)

        try database.keepServerValue(mutationID: iban.id, by: ReplicaFixture.clerk)

        XCTAssertEqual(try database.syncConflicts(), [])
        XCTAssertEqual(try database.syncCounts().conflicts, 0)
        XCTAssertEqual(try database.markers(forDossiers: ["dos-2"]), [:], "the row loses its ⚠")
        let trail = try database.auditTrail(entity: "person", targetID: "per-2")
        XCTAssertEqual(trail.last?.action, "keepServerValue")
        XCTAssertEqual(trail.last?.userID, "u-clerk")
        XCTAssertEqual(trail.last?.mutationID, iban.id)
        XCTAssertThrowsError(try database.keepServerValue(mutationID: iban.id, by: ReplicaFixture.clerk),
                             "settling twice is refused, nothing changes")
        // A replayed answer of the server does not bring it back: the outbox row is gone.
        try answer(iban, "conflict", reason: "field.changed", serverValue: "BE71096123456769", in: database)
        XCTAssertEqual(try database.syncConflicts(), [])
    }
}
