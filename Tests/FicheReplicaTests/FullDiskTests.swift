@testable import FicheReplica
import FicheDemo
import FicheDomain
import GRDB
import XCTest

/// A disk that fills up or a file that turns read-only mid-work: a clear error naming the
/// file, and nothing half-written.
final class FullDiskTests: XCTestCase {
    /// Makes the writer connection believe the disk is full once the file reaches its current size
    /// (plus `spare` pages).
    private func fillDisk(_ database: AppDatabase, spare: Int = 0) throws {
        try database.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + spare)")
        }
    }

    private func outboxAndAuditRows(_ database: AppDatabase) throws -> [Int] {
        try database.writer.read { db in
            try ["outbox", "audit", "local_time_record", "local_person"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    func testAWriteOnAFullDiskNamesTheFileAndWritesNothing() throws {
        let database = try ReplicaFixture.make()
        try fillDisk(database)
        // Longer and longer names until a change no longer fits.
        var saved = 0
        var failure: Error?
        while failure == nil && saved < 500 {
            do {
                try database.updateDossierField("dos-2", .firstName, to: "Jan " + String(repeating: "x", count: 300 + saved),
                                                by: ReplicaFixture.clerk)
                saved += 1
            } catch {
                failure = error
            }
        }
        XCTAssertEqual(failure as? ReplicaError, .diskFull(path: database.path))
        XCTAssertTrue("\(failure.map { "\($0)" } ?? "")".hasPrefix(database.path))
        // Exactly the saved changes are there, each with its audit row; the failed one left nothing.
        XCTAssertEqual(try outboxAndAuditRows(database)[0...1], [saved, saved])
        let shown = try database.openDossier("dos-2", year: 2026)?.person.firstName
        XCTAssertEqual(shown, saved == 0 ? "Jan" : "Jan " + String(repeating: "x", count: 300 + saved - 1))
    }

    func testADemoThatDoesNotFitLeavesThePreviousReplicaAsItWas() throws {
        let database = try AppDatabase.open(at: ReplicaFixture.file("full-demo"), clock: .tests)
        let old = DemoDataset(dossiers: 40, seed: 3)
        try DemoDataGenerator(dataset: old).write(into: database)
        let firstPage = try database.dossierPage(after: nil, limit: 10)
        try fillDisk(database, spare: 20)
        XCTAssertThrowsError(try DemoDataGenerator(dataset: DemoDataset(dossiers: 2_000, seed: 4)).write(into: database)) { error in
            XCTAssertEqual(error as? ReplicaError, .diskFull(path: database.path))
        }
        XCTAssertTrue(try DemoDataGenerator.holds(old, in: database))
        XCTAssertEqual(try database.dossierPage(after: nil, limit: 10), firstPage)
        XCTAssertEqual(try database.searchDossiers(firstPage[0].dossierNumber).first?.row.id, firstPage[0].id)
    }

    func testAReplicaThatBecameReadOnlyNamesTheFileAndWritesNothing() throws {
        let database = try ReplicaFixture.make()
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
        XCTAssertThrowsError(try database.updateDossierField("dos-1", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk)) { error in
            XCTAssertEqual(error as? ReplicaError, .readOnly(path: database.path))
            XCTAssertTrue("\(error)".hasPrefix(database.path))
        }
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 0") }
        XCTAssertEqual(try outboxAndAuditRows(database), [0, 0, 0, 0])
    }
}
