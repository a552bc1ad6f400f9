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
        _ = try AppDatabase.open(at: file, clock: .tests)
        let before = try timeRecordIndexes(file)
        XCTAssertTrue(Set(before).isSuperset(of: ["time_record_by_dossier", "time_record_open_by_start", "time_record_unjustified"]),
                      "\(before)")

        try AppDatabase.open(at: file, clock: .tests).applySnapshotPage(records(1...2), scope: nil, nextToken: "page-2", pinnedSeq: 9,
                                                         done: false)
        XCTAssertEqual(try timeRecordIndexes(file), [], "built once at the end, not row by row")

        // The program stops; the reopened replica goes on from the kept token.
        let reopened = try AppDatabase.open(at: file, clock: .tests)
        XCTAssertEqual(try reopened.syncState().snapshotToken, "page-2")
        try reopened.applySnapshotPage(records(3...4), scope: nil, nextToken: nil, pinnedSeq: 9, done: true)
        XCTAssertEqual(try timeRecordIndexes(file), before)
        XCTAssertTrue(try reopened.syncState().initialSyncDone)
        let copied = try reopened.syncedRows(of: "time_record")
        XCTAssertEqual(copied.keys.sorted(), ["tr-1", "tr-2", "tr-3", "tr-4"])
        XCTAssertEqual(copied["tr-3"]?["start"] ?? nil, "2026-03-03")
    }

    /// A snapshot page (values by position, prepared statements held for the page) and pulled
    /// changes (values by name) of the same rows leave the same mirror rows.
    func testAPageWritesTheSameRowsAsPulledChanges() throws {
        let dossierColumns = ["id", "employer_code", "number", "niss", "last_name", "first_name", "birth_date", "sex",
                              "language", "address", "iban", "status", "category", "payroll_clerk", "start_date", "version"]
        let dossiers: [[String?]] = [
            ["D-1", "CPAS-T", "0001", "85010112345", "Peeters", "Anne", "1985-01-01", "F", "nl",
             #"{"street":"Rue Gray 1"}"#, "BE68539007547034", "active", "A", "u-1", "2020-01-01", "4"],
            ["D-2", "CPAS-T", "0002", nil, "Dubois", nil, "1990-02-02", "M", "fr", "Rue Gray 2", nil, "active", "B", nil,
             "2021-03-01", "5"],
        ]
        let recordColumns = ["id", "employer_code", "dossier_id", "kind", "type_code", "start_date", "end_date", "day_part",
                             "start_minute", "end_minute", "minutes", "certificate_received", "status", "entered_by", "version"]
        let records: [[String?]] = [
            ["tr-1", "CPAS-T", "D-1", "absence", "sick", "2026-03-02", "2026-03-03", nil, nil, nil, nil, "1", "validated",
             "time.cpas", "6"],
            ["tr-2", "CPAS-T", "D-2", "presence", nil, "2026-03-04", "2026-03-04", "am", "480", "720", "240", "0",
             "submitted", "time.cpas", "7"],
        ]
        func page(_ entity: String, _ names: [String], _ rows: [[String?]]) -> [AppDatabase.SyncedRow] {
            let columns = AppDatabase.SyncedFields.Columns(names)
            return rows.map { values in
                AppDatabase.SyncedRow(entity: entity, id: values[0] ?? "", employerCode: values[1] ?? "",
                                      version: Int64(values[names.count - 1] ?? "") ?? 0,
                                      fields: AppDatabase.SyncedFields(columns: columns, values: values[...]))
            }
        }
        let pageRows = page("dossier", dossierColumns, dossiers) + page("time_record", recordColumns, records)
        let copied = try AppDatabase.open(at: folder.appendingPathComponent("copied.sqlite").path, clock: .tests)
        try copied.applySnapshotPage(pageRows, scope: nil, nextToken: nil, pinnedSeq: 9, done: true)
        let pulled = try AppDatabase.open(at: folder.appendingPathComponent("pulled.sqlite").path, clock: .tests)
        try pulled.applyPulledPage(pageRows.map { row in
            var named = row
            named.fields = AppDatabase.SyncedFields(row.fields.dictionary)
            return AppDatabase.SyncedChange(operation: .upsert, row: named)
        }, cursor: 9)

        for table in ["person", "dossier", "time_record"] {
            let rows = try copied.syncedRows(of: table)
            XCTAssertEqual(rows.count, 2, table)
            XCTAssertEqual(rows, try pulled.syncedRows(of: table), table)
        }
        let people = try copied.syncedRows(of: "person")
        XCTAssertEqual(people["D-1"]?["address"] ?? nil, #"{"street":"Rue Gray 1"}"#)
        XCTAssertEqual(people["D-2"]?["address"] ?? nil, nil, "an address that is not a JSON object is not kept")
        XCTAssertEqual(people["D-2"]?["first_name"] ?? nil, "", "a required field sent as NULL is empty")
        let kept = try copied.syncedRows(of: "time_record")
        XCTAssertEqual(kept["tr-1"]?["day_part"] ?? nil, "full", "a record without a day part is a full day")
        XCTAssertEqual(kept["tr-1"]?["certificate_received"] ?? nil, "1")
        XCTAssertEqual(kept["tr-2"]?["minutes"] ?? nil, "240")
        XCTAssertEqual(kept["tr-2"]?["reviewed_by"] ?? nil, nil, "a field the page lacks is NULL")
        XCTAssertEqual(try copied.syncedRows(of: "dossier")["D-2"]?["payroll_clerk_id"] ?? nil, nil)
    }
}
