@testable import FicheReplica
import FicheDomain
import GRDB
import XCTest

/// `fiche import time-records`: a file is written whole or not at all, and never twice.
final class TimeRecordImportTests: XCTestCase {
    private let header = "dossier_number,type,from,to,unit,hours,certificate\n"

    private func written(_ database: AppDatabase) throws -> [Int] {
        try database.writer.read { db in
            try ["outbox", "audit", "local_time_record"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
    }

    private func run(_ database: AppDatabase, _ rows: String) throws -> Int {
        try TimeRecordImport(database: database, rules: ReplicaFixture.rules).run(csv: header + rows, by: ReplicaFixture.timeManager)
    }

    private func issues(_ database: AppDatabase, _ rows: String, file: StaticString = #filePath, line: UInt = #line) -> [ImportIssue] {
        do {
            _ = try run(database, rows)
            XCTFail("the import should have been refused", file: file, line: line)
            return []
        } catch let failure as ImportFailure {
            return failure.issues
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return []
        }
    }

    func testAValidFileIsWrittenAsSubmittedEntriesWaitingForTheServer() throws {
        let database = try ReplicaFixture.make()
        let count = try run(database, """
            AC-000121,annual_leave,2026-12-01,2026-12-02,day,,no
            AC-000122,annual_leave,2026-12-03,2026-12-03,hour,3.5,
            """)
        XCTAssertEqual(count, 2)
        XCTAssertEqual(try written(database), [2, 2, 2])
        let card = try XCTUnwrap(database.openDossier("dos-2", year: 2026))
        let record = try XCTUnwrap(card.timeRecords.first { $0.start == ReplicaFixture.date("2026-12-03") })
        XCTAssertEqual(record.minutes, 210)
        XCTAssertEqual(record.status, .submitted)
        XCTAssertEqual(record.enteredBy, "u-time")
        XCTAssertTrue(card.pendingRecordIDs.contains(record.id))
        XCTAssertEqual(try database.pendingMutations().map(\.mutation), ["recordAbsence", "recordAbsence"])
    }

    func testOneBadRowMeansNothingIsWrittenAndEveryErrorIsListedWithLineAndColumn() throws {
        let database = try ReplicaFixture.make()
        let found = issues(database, """
            AC-000121,annual_leave,2026-12-01,2026-12-02,day,,no
            AC-000121,annual_leave,2026-11-12,2026-11-12,day,,no
            AC-999999,annual_leave,2026-12-07,2026-12-08,week,,maybe
            AC-000122,sick,2026-13-01,2026-12-01,day,,yes
            """)
        XCTAssertEqual(found.map(\.line), [3, 4, 4, 4, 5])
        XCTAssertEqual(found.map(\.column), ["from", "dossier_number", "unit", "certificate", "from"])
        XCTAssertEqual(found[0].problem, .rule(.absenceOverlap(date: ReplicaFixture.date("2026-11-12"), otherRecordID: "tr-1")))
        XCTAssertEqual(found[1].problem, .unknownDossier("AC-999999"))
        XCTAssertEqual(found[2].problem, .unknownUnit("week"))
        XCTAssertEqual(try written(database), [0, 0, 0], "the valid first row is not kept either")
    }

    func testTwoRowsOfTheSameFileThatOverlapAreRefused() throws {
        let database = try ReplicaFixture.make()
        let found = issues(database, """
            AC-000121,annual_leave,2026-12-01,2026-12-03,day,,no
            AC-000121,annual_leave,2026-12-03,2026-12-04,day,,no
            """)
        XCTAssertEqual(found.map(\.line), [3])
        guard case .rule(.absenceOverlap(let day, _)) = found.first?.problem else {
            return XCTFail("expected an overlap, got \(found)")
        }
        XCTAssertEqual(day, ReplicaFixture.date("2026-12-03"))
        XCTAssertEqual(try written(database), [0, 0, 0])
    }

    func testTheSameFileTwiceIsRefusedEvenSavedAgainWithWindowsLineEnds() throws {
        let database = try ReplicaFixture.make()
        let rows = "AC-000121,annual_leave,2026-12-01,2026-12-02,day,,no\n"
        XCTAssertEqual(try run(database, rows), 1)
        let again = "\u{FEFF}" + (header + rows).replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertThrowsError(try TimeRecordImport(database: database, rules: ReplicaFixture.rules)
            .run(csv: again, by: ReplicaFixture.timeManager)) { error in
            guard case .alreadyImported(_, let records)? = (error as? ImportFailure)?.issues.first?.problem else {
                return XCTFail("expected a duplicate, got \(error)")
            }
            XCTAssertEqual(records, 1)
        }
        XCTAssertEqual(try written(database), [1, 1, 1], "applied once")
    }

    func testAClosedMonthAndAMissingColumnAreRefused() throws {
        let database = try ReplicaFixture.make()
        let closed = issues(database, "AC-000121,annual_leave,2026-09-14,2026-09-14,day,,no\n")
        guard case .rule(.monthClosed)? = closed.first?.problem else { return XCTFail("expected a closed month, got \(closed)") }
        XCTAssertThrowsError(try TimeRecordImport(database: database, rules: ReplicaFixture.rules)
            .run(csv: "dossier_number,type,from\nAC-000121,annual_leave,2026-12-01\n", by: ReplicaFixture.timeManager)) { error in
            XCTAssertEqual((error as? ImportFailure)?.issues.first?.problem, .missingColumns(["to", "unit", "hours", "certificate"]))
        }
        XCTAssertEqual(try written(database), [0, 0, 0])
    }
}
