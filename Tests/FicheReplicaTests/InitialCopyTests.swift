import FicheReplica
import Foundation
import GRDB
import XCTest

/// The initial copy writes snapshot pages without the mirror's secondary indexes and builds
/// them once at the end: a copy cut between pages must still end with every index in place.
final class InitialCopyTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Time records as a snapshot page brings them: one column index shared by the rows.
    private func records(_ numbers: ClosedRange<Int>) -> [AppDatabase.SyncedRow] {
        let columns = AppDatabase.SyncedFields.Columns([
            "id", "employer_code", "dossier_id", "kind", "type_code", "start_date", "end_date", "day_part",
            "certificate_received", "status", "entered_by", "version",
        ])
        return numbers.map { number in
            let values: [String?] = ["tr-\(number)", "CPAS-T", "D-1", "absence", "annual_leave", "2026-03-0\(number)",
                                     "2026-03-0\(number)", "full", "0", "validated", "time.cpas", "7"]
            return AppDatabase.SyncedRow(entity: "time_record", id: "tr-\(number)", employerCode: "CPAS-T", version: 7,
                                         fields: AppDatabase.SyncedFields(columns: columns, values: values[...]))
        }
    }

    private func timeRecordIndexes(_ file: String) throws -> [String] {
        try DatabaseQueue(path: file).read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'time_record' AND sql IS NOT NULL ORDER BY name
                """)
        }
    }

    func testACopyCutBetweenPagesEndsWithEveryIndexBack() throws {
        let file = folder.appendingPathComponent("replica.sqlite").path
        _ = try AppDatabase.open(at: file)
        let before = try timeRecordIndexes(file)
        XCTAssertTrue(Set(before).isSuperset(of: ["time_record_by_dossier", "time_record_by_status", "time_record_by_type"]),
                      "\(before)")

        try AppDatabase.open(at: file).applySnapshotPage(records(1...2), scope: nil, nextToken: "page-2", pinnedSeq: 9,
                                                         done: false)
        XCTAssertEqual(try timeRecordIndexes(file), [], "built once at the end, not row by row")

        // The program stops; the reopened replica goes on from the kept token.
        let reopened = try AppDatabase.open(at: file)
        XCTAssertEqual(try reopened.syncState().snapshotToken, "page-2")
        try reopened.applySnapshotPage(records(3...4), scope: nil, nextToken: nil, pinnedSeq: 9, done: true)
        XCTAssertEqual(try timeRecordIndexes(file), before)
        XCTAssertTrue(try reopened.syncState().initialSyncDone)
        let copied = try reopened.syncedRows(of: "time_record")
        XCTAssertEqual(copied.keys.sorted(), ["tr-1", "tr-2", "tr-3", "tr-4"])
        XCTAssertEqual(copied["tr-3"]?["start"] ?? nil, "2026-03-03")
    }
}
