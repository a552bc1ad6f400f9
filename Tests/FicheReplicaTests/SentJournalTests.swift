@testable import FicheReplica
import FicheDomain
import XCTest

/// What a replica keeps of the changes the server applied (`sent_journal`), and how it puts
/// them back into the outbox when the server's database was restored from an older backup.
final class SentJournalTests: XCTestCase {
    /// A fixed day: the tests never read the wall clock.
    private let answeredAt = Date(timeIntervalSince1970: 1_796_000_000)

    private func answer(_ entry: OutboxEntry, _ status: String, seq: Int64?, at date: Date, in database: AppDatabase) throws {
        let base = try database.syncState().mutationBase
        try database.recordMutationResults([
            AppDatabase.SyncedResult(serverMutationID: entry.id - base, uuid: entry.uuid, status: status,
                                     reason: status == "applied" ? nil : "month.closed", serverValue: nil, seq: seq),
        ], at: date)
    }

    func testAppliedChangesAreKeptThirtyDaysAndRefusedOnesAreNot() throws {
        let database = try ReplicaFixture.make()
        try database.bindSyncDevice(clientID: "dev-1", userID: "u-clerk")
        let applied = try XCTUnwrap(database.updateDossierField("dos-1", .lastName, to: "Martin", by: ReplicaFixture.clerk))
        let refused = try XCTUnwrap(database.updateDossierField("dos-2", .lastName, to: "Peeters", by: ReplicaFixture.clerk))
        try answer(applied, "applied", seq: 10, at: answeredAt, in: database)
        try answer(refused, "rejected", seq: nil, at: answeredAt, in: database)
        let wireID = applied.id - (try database.syncState().mutationBase)
        XCTAssertEqual(try database.highestAppliedMutationID(), wireID)

        try database.recordMutationResults([], at: answeredAt.addingTimeInterval(29 * 86_400))
        XCTAssertEqual(try database.highestAppliedMutationID(), wireID, "kept within 30 days")
        try database.recordMutationResults([], at: answeredAt.addingTimeInterval(31 * 86_400))
        XCTAssertEqual(try database.highestAppliedMutationID(), 0, "forgotten after 30 days")
    }

    func testARestoreRequeuesWhatTheServerLostBeforeTheUnsentInTheirOrder() throws {
        let database = try ReplicaFixture.make()
        try database.bindSyncDevice(clientID: "dev-1", userID: "u-clerk")
        let kept = try XCTUnwrap(database.updateDossierField("dos-1", .lastName, to: "Martin", by: ReplicaFixture.clerk))
        let lost = try XCTUnwrap(database.updateDossierField("dos-2", .lastName, to: "Peeters", by: ReplicaFixture.clerk))
        let unsent = try XCTUnwrap(database.updateDossierField("dos-2", .firstName, to: "Bram", by: ReplicaFixture.clerk))
        try answer(kept, "applied", seq: 10, at: answeredAt, in: database)
        try answer(lost, "applied", seq: 11, at: answeredAt, in: database)
        let base = try database.syncState().mutationBase

        // The restored server holds this device's first mutation only.
        let requeued = try database.startOverAfterRestore(serverIdentity: "restored", serverLastMutationID: kept.id - base)

        XCTAssertEqual(requeued, 1)
        let state = try database.syncState()
        let queue = try database.unsentMutations(limit: 10)
        XCTAssertEqual(queue.map(\.uuid), [lost.uuid, unsent.uuid], "the lost change goes before the one typed after it")
        XCTAssertTrue(queue.allSatisfy { $0.id > unsent.id }, "new outbox ids, after every id used")
        XCTAssertEqual(queue.map { $0.id - state.mutationBase }, [2, 3], "numbered on from the server's last mutation")
        XCTAssertFalse(try database.recordedResults().contains { $0.uuid == lost.uuid }, "its old answer is forgotten")
        XCTAssertEqual(Array(try database.auditTrail(entity: "person", targetID: "per-2").map(\.mutationID).suffix(2)),
                       queue.map { Optional($0.id) }, "the local history follows the new ids")
        XCTAssertEqual(state.pullCursor, 0)
        XCTAssertFalse(state.initialSyncDone, "a fresh copy follows")
        XCTAssertEqual(state.serverIdentity, "restored")
        XCTAssertEqual(try database.pendingMutations().map(\.uuid), [kept.uuid, lost.uuid, unsent.uuid],
                       "nothing typed is gone from the outbox")
    }
}
