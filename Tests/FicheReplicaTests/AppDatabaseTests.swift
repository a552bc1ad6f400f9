import FicheDemo
import FicheReplica
import Foundation
import GRDB
import XCTest

final class AppDatabaseTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-replica-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func testANewReplicaIsReadableByItsOwnerOnly() throws {
        let file = path("replica.sqlite")
        _ = try AppDatabase.open(at: file, clock: .tests)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testReopeningKeepsTheData() throws {
        let file = path("replica.sqlite")
        try DemoDataGenerator(dataset: DemoDataset(dossiers: 30, seed: 1)).write(into: AppDatabase.open(at: file, clock: .tests))
        let reopened = try AppDatabase.open(at: file, clock: .tests)
        XCTAssertEqual(try reopened.dossierPage(after: nil, limit: 100).count, 30)
        XCTAssertTrue(try DemoDataGenerator.holds(DemoDataset(dossiers: 30, seed: 1), in: reopened))
        XCTAssertFalse(try DemoDataGenerator.holds(DemoDataset(dossiers: 30, seed: 2), in: reopened))
    }

    func testACorruptFileIsRefusedByNameAndLeftUntouched() throws {
        let file = path("replica.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try AppDatabase.open(at: file, clock: .tests)) { error in
            guard case ReplicaError.corrupt(let named, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(named, file)
            XCTAssertTrue("\(error)".hasPrefix(file))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), garbage)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file + "-wal"))
    }

    func testAnotherProgramsDatabaseIsRefusedAndLeftUntouched() throws {
        let file = path("accounts.sqlite")
        let other = try DatabaseQueue(path: file)
        try other.write { db in try db.execute(sql: "CREATE TABLE account (id INTEGER PRIMARY KEY, owner TEXT)") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try AppDatabase.open(at: file, clock: .tests)) { error in
            XCTAssertEqual(error as? ReplicaError, .notAReplica(path: file))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    func testAReplicaFromANewerFicheIsRefusedAndLeftUntouched() throws {
        let file = path("replica.sqlite")
        _ = try AppDatabase.open(at: file, clock: .tests)
        let queue = try DatabaseQueue(path: file)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try AppDatabase.open(at: file, clock: .tests)) { error in
            XCTAssertEqual(error as? ReplicaError, .writtenByNewerVersion(path: file, migration: "v99-from-the-future"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    func testAReadOnlyFolderGivesAClearErrorAndNoFile() throws {
        try XCTSkipIf(getuid() == 0, "root writes through folder permissions; the next test covers a folder nobody can write")
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
        let file = path("replica.sqlite")
        XCTAssertThrowsError(try AppDatabase.open(at: file, clock: .tests)) { error in
            XCTAssertEqual((error as? ReplicaError)?.path, file)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    func testAFolderThatCannotHoldFilesGivesAClearError() throws {
        // /proc refuses new files to everyone, root included.
        for file in ["/proc/fiche-replica.sqlite", path("a-file") + "/replica.sqlite"] {
            if file.hasPrefix(path("")) { _ = FileManager.default.createFile(atPath: path("a-file"), contents: Data("x".utf8)) }
            XCTAssertThrowsError(try AppDatabase.open(at: file, clock: .tests)) { error in
                XCTAssertEqual((error as? ReplicaError)?.path, file, "\(error)")
                XCTAssertTrue("\(error)".hasPrefix(file), "\(error)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        }
    }

    func testAReplicaOfADevelopmentBuildIsRefusedWithAWayOut() throws {
        let file = path("demo.sqlite")
        let old = try DatabaseQueue(path: file)
        try old.write { db in
            try db.execute(sql: "PRAGMA application_id = 1179206472")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-dossiers')")
        }
        try old.close()
        XCTAssertThrowsError(try AppDatabase.open(at: file, clock: .tests)) { error in
            XCTAssertEqual(error as? ReplicaError, .preRelease(path: file))
            XCTAssertTrue("\(error)".contains("fiche demo"))
        }
    }
}
