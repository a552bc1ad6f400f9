@testable import FicheReplica
import FicheDomain
import GRDB
import XCTest

/// After a grant moves, the replica keeps only what its user's remaining roles show, and drops
/// nothing on what it does not know.
final class ScopePruneTests: XCTestCase {
    private func replica(user: String) throws -> AppDatabase {
        let database = try ReplicaFixture.make()
        var batch = MirrorBatch()
        batch.partners = [MirrorRow(Partner(id: "par-1", employerCode: "AC-IXL", name: "Les Petits Riens", kind: .socialEconomy),
                                    employerCode: "AC-IXL", version: 9)]
        try database.applyPulled(batch)
        try database.writer.write { db in try db.execute(sql: "UPDATE sync_state SET user_id = ? WHERE id = 1", arguments: [user]) }
        return database
    }

    private func partners(_ database: AppDatabase) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM partner") ?? 0 }
    }

    private func prune(_ database: AppDatabase) throws {
        try database.writer.write { db in try AppDatabase.pruneToRights(db, at: OfficeClock.tests.now()) }
    }

    func testATimeManagerKeepsTheTimeRecordsButNotTheArt60Rows() throws {
        // A token file from before the server named user ids holds the login: it is found too.
        let database = try replica(user: "time")
        let records = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM time_record") ?? 0 }
        XCTAssertEqual(try partners(database), 1)
        try prune(database)
        XCTAssertEqual(try partners(database), 0, "a time manager does not see art. 60 partners")
        XCTAssertEqual(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM time_record") ?? 0 }, records)
    }

    func testNothingIsDroppedForAUserTheReplicaHoldsNoGrantOf() throws {
        let database = try replica(user: "someone-unknown")
        try prune(database)
        XCTAssertEqual(try partners(database), 1)
        let clerk = try replica(user: "u-clerk")
        try prune(clerk)
        XCTAssertEqual(try partners(clerk), 1, "a payroll clerk sees art. 60 partners")
    }
}
