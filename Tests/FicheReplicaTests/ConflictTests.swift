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

    func testKeepingMineSendsANewChangeFromTheServersValueInOneTransactionWithItsAudit() throws {
        let database = try ReplicaFixture.make()
        let iban = try XCTUnwrap(database.updateDossierField("dos-2", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        try answer(iban, "conflict", reason: "field.changed", serverValue: "BE71096123456769", in: database)
        XCTAssertEqual(try database.pendingMutations(), [], "the refused change left the outbox")

        let sent = try XCTUnwrap(database.keepMine(mutationID: iban.id, by: ReplicaFixture.clerk))

        XCTAssertEqual(sent.mutation, "updateDossierField")
        XCTAssertEqual(sent.changes["iban"], FieldChange(old: "BE71096123456769", new: "BE68539007547034"))
        XCTAssertEqual(try database.pendingMutations().map(\.id), [sent.id])
        XCTAssertEqual(try database.syncConflicts(), [])
        XCTAssertEqual(try database.syncCounts().conflicts, 0)
        let trail = try database.auditTrail(entity: "person", targetID: iban.targetID)
        XCTAssertEqual(trail.suffix(2).map(\.action), ["updateDossierField", "keepMine"])
        XCTAssertEqual(trail.last?.mutationID, iban.id, "the settlement names the conflict it settles")
        XCTAssertEqual(trail.last?.changes["iban"], FieldChange(old: "BE71096123456769", new: "BE68539007547034"))
        XCTAssertThrowsError(try database.keepMine(mutationID: iban.id, by: ReplicaFixture.clerk), "settled once only")
        XCTAssertEqual(try database.pendingMutations().count, 1)
    }

    func testAMaskedServerValueIsNotABaseTheMirrorsValueIs() throws {
        let database = try ReplicaFixture.make()
        let before = try database.syncedRows(of: "person")["per-2"]?["iban"] ?? nil
        let iban = try XCTUnwrap(database.updateDossierField("dos-2", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        try answer(iban, "conflict", reason: "field.changed", serverValue: "BE** **** **** 6769", in: database)
        let sent = try XCTUnwrap(database.keepMine(mutationID: iban.id, by: ReplicaFixture.clerk))
        XCTAssertEqual(sent.changes["iban"]?.old, before)
    }

    func testAnEditedValueIsCheckedAsAnyFieldChangeAndAWrongOneChangesNothing() throws {
        let database = try ReplicaFixture.make()
        let iban = try XCTUnwrap(database.updateDossierField("dos-2", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        try answer(iban, "conflict", reason: "field.changed", serverValue: "BE71096123456769", in: database)

        XCTAssertThrowsError(try database.resolveConflict(mutationID: iban.id, with: "BE68 5390 0754 7035", by: ReplicaFixture.clerk)) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, "iban.checksum")
        }
        XCTAssertEqual(try database.syncConflicts().map(\.mutationID), [iban.id], "still listed")
        XCTAssertEqual(try database.pendingMutations(), [])

        let sent = try XCTUnwrap(database.resolveConflict(mutationID: iban.id, with: "BE43 0689 9999 9501", by: ReplicaFixture.clerk))
        XCTAssertEqual(sent.changes["iban"], FieldChange(old: "BE71096123456769", new: "BE43068999999501"))
        XCTAssertEqual(try database.auditTrail(entity: "person", targetID: iban.targetID).last?.action, "editConflict")
        XCTAssertEqual(try database.syncConflicts(), [])
    }

    /// Annual leave of Éloïse's dossier entered by the time manager, as a correction of `refused` if given.
    @discardableResult
    private func leave(_ id: String, from: String, to: String, settling refused: Int64? = nil,
                       in database: AppDatabase) throws -> OutboxEntry {
        try database.recordAbsence(
            .absence(id: id, employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                     from: ReplicaFixture.date(from), to: ReplicaFixture.date(to), enteredBy: "u-time"),
            by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules, settling: refused)
    }

    func testARefusedEntryReenteredAsACorrectionLeavesTheListAndIsAudited() throws {
        let database = try ReplicaFixture.make()
        let absence = try leave("new-1", from: "2026-12-01", to: "2026-12-02", in: database)
        try answer(absence, "rejected", reason: "month.closed", in: database)
        XCTAssertThrowsError(try database.keepMine(mutationID: absence.id, by: ReplicaFixture.timeManager),
                             "a refused entry is not a field conflict")

        try database.settleByCorrection(mutationID: absence.id, by: ReplicaFixture.timeManager)

        XCTAssertEqual(try database.syncConflicts(), [])
        XCTAssertEqual(try database.auditTrail(entity: "time_record", targetID: "new-1").last?.action, "reenterRefused")
        XCTAssertThrowsError(try database.settleByCorrection(mutationID: absence.id, by: ReplicaFixture.timeManager))
    }

    func testACorrectionAndTheSettlingOfItsRefusalAreOneTransaction() throws {
        let database = try ReplicaFixture.make()
        let refused = try leave("old-1", from: "2026-12-01", to: "2026-12-01", in: database)
        try answer(refused, "rejected", reason: "month.closed", in: database)
        let pendingBefore = try database.pendingMutations().count

        // Settling a refusal that is not listed (already settled elsewhere): the correction is not kept either.
        XCTAssertThrowsError(try leave("fix-0", from: "2027-01-04", to: "2027-01-04", settling: refused.id + 1_000, in: database))
        XCTAssertEqual(try database.auditTrail(entity: "time_record", targetID: "fix-0"), [], "nothing written")
        XCTAssertEqual(try database.pendingMutations().count, pendingBefore, "nothing queued")

        try leave("fix-1", from: "2027-01-04", to: "2027-01-04", settling: refused.id, in: database)
        XCTAssertEqual(try database.auditTrail(entity: "time_record", targetID: "fix-1").map(\.action), ["recordAbsence"])
        XCTAssertEqual(try database.syncConflicts(), [], "the refusal left the list with the saved correction")
        XCTAssertEqual(try database.auditTrail(entity: "time_record", targetID: "old-1").last?.action, "reenterRefused")
    }

    func testAChangeToADossierDeletedOnTheServerIsNotKeptAgain() throws {
        let database = try ReplicaFixture.make()
        let iban = try XCTUnwrap(database.updateDossierField("dos-2", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        try answer(iban, "conflict", reason: "dossier.deleted", in: database)
        XCTAssertFalse(try XCTUnwrap(database.syncConflicts().first).isFieldConflict)
        XCTAssertThrowsError(try database.keepMine(mutationID: iban.id, by: ReplicaFixture.clerk))
        XCTAssertEqual(try database.pendingMutations(), [], "nothing sent to a dossier that is gone")
        try database.keepServerValue(mutationID: iban.id, by: ReplicaFixture.clerk)
        XCTAssertEqual(try database.syncConflicts(), [])
    }
}
