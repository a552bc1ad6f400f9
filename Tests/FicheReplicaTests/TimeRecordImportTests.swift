@testable import FicheReplica
import FicheCSV
import FicheDomain
import Foundation
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

    func testABadgeReadersClockingsAreImportedAndCheckedAsInTheForm() throws {
        let database = try ReplicaFixture.make()
        let count = try run(database, """
            AC-000122,clocking,2026-11-16 08:00,2026-11-16 12:00,hour,,
            AC-000122,Clocking,16/11/2026 12:30,16/11/2026 16:30,,,
            AC-000122,annual_leave,2026-11-17,2026-11-17,day,,no
            """)
        XCTAssertEqual(count, 3)
        let clockings = try XCTUnwrap(database.openDossier("dos-2", year: 2026)).timeRecords.filter { $0.kind == .clocking }
        XCTAssertEqual(clockings.map(\.startMinute), [480, 750])
        XCTAssertEqual(clockings.map(\.endMinute), [720, 990])
        XCTAssertEqual(try database.pendingMutations().map(\.mutation), ["recordClocking", "recordClocking", "recordAbsence"])

        let before = try written(database)
        let refused = issues(database, """
            AC-000122,clocking,2026-11-18 08:00,2026-11-19 12:00,hour,,
            AC-000122,clocking,2026-11-18 8h00,2026-11-18 12:00,,,
            AC-000122,clocking,2026-11-16 11:00,2026-11-16 13:00,,,
            AC-000122,clocking,2026-11-30 08:00,2026-11-30 12:00,,,
            AC-000122,clocking,2026-11-17 08:00,2026-11-17 12:00,,,
            """)
        XCTAssertEqual(refused.map(\.line), [2, 3, 4, 5, 6])
        XCTAssertEqual(refused.map(\.column), ["to", "from", "from", "from", "from"])
        XCTAssertEqual(refused[0].problem, .clockingAcrossDays)
        XCTAssertEqual(refused[1].problem, .clockingTimeInvalid("2026-11-18 8h00"))
        let codes = refused.dropFirst(2).map { issue -> String? in
            if case .rule(let rule) = issue.problem { return rule.code }
            return nil
        }
        XCTAssertEqual(codes, ["clocking.overlap", "clocking.future", "clocking.during_absence"])
        XCTAssertEqual(try written(database), before, "one bad row and nothing is written")
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

    /// The file `fiche-server export time-records` writes: its columns are read, ids kept, a
    /// draft stays a draft, validated entries go to validation again, rejected and cancelled
    /// ones are left out and counted; a wrong value is named with its line and column.
    func testTheServersExportIsReadWithItsOwnColumns() throws {
        let database = try ReplicaFixture.make()
        let exportHeader = "dossier_number,record_id,kind,type,start_date,end_date,day_part,start_minute,end_minute,minutes,"
            + "certificate_received,status\n"
        let importer = TimeRecordImport(database: database, rules: ReplicaFixture.rules)
        let summary = try importer.run(file: Data((exportHeader + """
            AC-000121,rec-a,absence,annual_leave,2026-12-01,2026-12-01,afternoon,,,,0,validated
            AC-000122,'-rec-b,absence,training,2026-12-03,2026-12-03,full,540,630,,0,draft
            AC-000122,rec-c,clocking,,2026-11-16,2026-11-16,full,480,720,,0,submitted
            AC-000122,rec-d,absence,sick,2026-12-07,2026-12-08,full,,,,1,rejected
            AC-000122,rec-e,absence,sick,2026-12-09,2026-12-09,full,,,,1,cancelled
            """).utf8), by: ReplicaFixture.timeManager)
        XCTAssertEqual(summary, ImportSummary(records: 3, encoding: .utf8, leftOut: 2))
        let records = try ["dos-1", "dos-2"].flatMap { try XCTUnwrap(database.openDossier($0, year: 2026)).timeRecords }
        let leave = try XCTUnwrap(records.first { $0.id == "rec-a" })
        XCTAssertEqual([leave.dayPart, leave.status] as [AnyHashable], [DayPart.afternoon, TimeRecordStatus.submitted])
        let training = try XCTUnwrap(records.first { $0.id == "-rec-b" }, "the quote a spreadsheet needs is taken off")
        XCTAssertEqual([training.startMinute, training.endMinute], [540, 630])
        XCTAssertEqual(training.status, .draft)
        XCTAssertEqual(records.first { $0.id == "rec-c" }?.kind, .clocking)
        XCTAssertFalse(records.contains { $0.id == "rec-d" || $0.id == "rec-e" })
        XCTAssertEqual(try database.pendingMutations().map(\.mutation), ["recordAbsence", "recordAbsence", "recordClocking"])

        let before = try written(database)
        do {
            _ = try importer.run(csv: exportHeader + """
                AC-000121,rec-a,absence,annual_leave,2026-12-14,2026-12-14,full,,,,0,submitted
                AC-000121,rec-f,absence,annual_leave,2026-12-15,2026-12-15,evening,,,,0,submitted
                AC-000121,rec-g,holiday,annual_leave,2026-12-16,2026-12-16,full,,,,0,submitted
                AC-000121,rec-h,clocking,,2026-11-17,2026-11-17,full,480,1500,,0,submitted
                AC-000121,rec-i,absence,,2026-12-17,2026-12-17,full,,,,0,submitted
                """, by: ReplicaFixture.timeManager)
            XCTFail("a file with wrong values was imported")
        } catch let failure as ImportFailure {
            XCTAssertEqual(failure.issues, [
                ImportIssue(line: 2, column: "record_id", problem: .recordExists("rec-a")),
                ImportIssue(line: 3, column: "day_part", problem: .notOneOf("evening", allowed: ["full", "morning", "afternoon"])),
                ImportIssue(line: 4, column: "kind", problem: .notOneOf("holiday", allowed: ["absence", "clocking", "lateness", "overtime"])),
                ImportIssue(line: 5, column: "end_minute", problem: .minutesInvalid("1500")),
                ImportIssue(line: 6, column: "type", problem: .empty),
            ])
        }
        XCTAssertEqual(try written(database), before, "nothing of a refused file is written")
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

    // MARK: - Files as Belgian offices save them

    private func records(_ database: AppDatabase) throws -> [[String]] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT dossier_id, type_code, start, "end", day_part, minutes, certificate_received
                FROM time_record_view WHERE id LIKE 'imp-%' ORDER BY start
                """).map { row in row.columnNames.map { name in (row[name] as DatabaseValue).description } }
        }
    }

    private func failure(_ database: AppDatabase, file data: Data, file: StaticString = #filePath,
                         line: UInt = #line) -> [ImportIssue] {
        do {
            let summary = try TimeRecordImport(database: database, rules: ReplicaFixture.rules)
                .run(file: data, by: ReplicaFixture.timeManager)
            XCTFail("the import should have been refused, wrote \(summary)", file: file, line: line)
            return []
        } catch let failure as ImportFailure {
            return failure.issues
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return []
        }
    }

    func testAnExcelFileWithSemicolonsDayFirstDatesAndADecimalCommaGivesTheSameRecords() throws {
        let iso = try ReplicaFixture.make()
        XCTAssertEqual(try run(iso, """
            AC-000121,annual_leave,2026-12-01,2026-12-02,day,,no
            AC-000122,annual_leave,2026-12-03,2026-12-03,hour,7.6,
            AC-000122,annual_leave,2026-12-07,2026-12-07,hour,3.5,0
            """), 3)
        let excel = try ReplicaFixture.make()
        let text = "\u{FEFF}Dossier_Number;Type;From;To;Unit;Hours;Certificate\r\n"
            + "AC-000121;annual_leave;01/12/2026;02/12/2026;day;;no\r\n"
            + "AC-000122;annual_leave;03/12/2026;3/12/2026;hour;7,6;\r\n"
            + "AC-000122;annual_leave;7/12/2026;07/12/2026;hour;\"3,5\";0\r\n"
        let summary = try TimeRecordImport(database: excel, rules: ReplicaFixture.rules)
            .run(file: Data(text.utf8), by: ReplicaFixture.timeManager)
        XCTAssertEqual(summary, ImportSummary(records: 3, encoding: .utf8))
        XCTAssertEqual(try records(excel), try records(iso))
        XCTAssertEqual(try records(excel).map { $0[5] }, ["NULL", "456", "210"], "7,6 hours are 456 minutes")
    }

    func testAWindows1252FileIsReadAndTheSummarySaysSo() throws {
        let database = try ReplicaFixture.make()
        // Excel's "CSV (separator: semicolon)": Windows-1252, with a column of names the import does not use.
        let bytes = Array("nom;dossier_number;type;from;to;unit;hours;certificate\r\nH".utf8) + [0xE9] + Array("l".utf8) + [0xE8]
            + Array("ne Dubois;AC-000121;annual_leave;01/12/2026;02/12/2026;day;;non\r\n".utf8)
        let summary = try TimeRecordImport(database: database, rules: ReplicaFixture.rules)
            .run(file: Data(bytes), by: ReplicaFixture.timeManager)
        XCTAssertEqual(summary, ImportSummary(records: 1, encoding: .windows1252))
        XCTAssertEqual(try written(database), [1, 1, 1])
    }

    func testTheSameRowsSavedWithTheOtherSeparatorAreTheSameFile() throws {
        let database = try ReplicaFixture.make()
        XCTAssertEqual(try run(database, "AC-000121,annual_leave,01/12/2026,02/12/2026,day,,no\n"), 1)
        let semicolons = (header + "AC-000121,annual_leave,01/12/2026,02/12/2026,day,,no\n").replacingOccurrences(of: ",", with: ";")
        XCTAssertThrowsError(try TimeRecordImport(database: database, rules: ReplicaFixture.rules)
            .run(csv: semicolons, by: ReplicaFixture.timeManager)) { error in
            guard case .alreadyImported? = (error as? ImportFailure)?.issues.first?.problem else {
                return XCTFail("expected a duplicate, got \(error)")
            }
        }
    }

    func testADayThatDoesNotExistAndHoursThatAreNotANumberAreRefused() throws {
        let database = try ReplicaFixture.make()
        let found = issues(database, """
            AC-000121,annual_leave,31/02/2027,01/03/2027,day,,no
            AC-000122,annual_leave,03/12/2026,03/12/2026,hour,"1.234,5",no
            AC-000122,annual_leave,04/12/2026,04/12/2026,hour,1e1,no
            """)
        XCTAssertEqual(found, [
            ImportIssue(line: 2, column: "from", problem: .rule(.dateInvalid(year: 2027, month: 2, day: 31))),
            ImportIssue(line: 3, column: "hours", problem: .hoursInvalid("1.234,5")),
            ImportIssue(line: 4, column: "hours", problem: .hoursInvalid("1e1")),
        ])
        XCTAssertEqual(try written(database), [0, 0, 0])
    }

    func testMixedSeparatorsAreRefusedWithTheLineToLookAt() throws {
        let database = try ReplicaFixture.make()
        let inHeader = failure(database, file: Data("dossier_number;type;from;to;unit;hours,certificate\nAC-000121;x\n".utf8))
        XCTAssertEqual(inHeader, [ImportIssue(line: 1, column: nil, problem: .malformed(.mixedSeparators))])
        let inRows = failure(database, file: Data("""
            dossier_number;type;from;to;unit;hours;certificate
            AC-000121;annual_leave;01/12/2026;02/12/2026;day;;no
            AC-000122,annual_leave,03/12/2026,03/12/2026,day,,no
            AC-000122;annual_leave;07/12/2026;07/12/2026;hour;7;6;no
            """.utf8))
        XCTAssertEqual(inRows, [
            ImportIssue(line: 3, column: nil, problem: .otherSeparator(found: ",", expected: ";")),
            ImportIssue(line: 4, column: nil, problem: .tooManyFields(fields: 8, columns: 7, separator: ";")),
        ])
        let unquotedComma = issues(database, "AC-000122,annual_leave,2026-12-03,2026-12-03,hour,7,6,no\n")
        XCTAssertEqual(unquotedComma, [ImportIssue(line: 2, column: nil, problem: .tooManyFields(fields: 8, columns: 7, separator: ","))])
        XCTAssertEqual(try written(database), [0, 0, 0])
    }

    func testAFileInNoEncodingThatReadsItRightIsRefused() throws {
        let database = try ReplicaFixture.make()
        let mixed = Array((header + "AC-000121,annual_leave,2026-12-01,2026-12-02,day,,non # é\n").utf8)
            + Array("AC-000122,annual_leave,2026-12-03,2026-12-03,day,,no # ".utf8) + [0xE9, 0x0A]
        XCTAssertEqual(failure(database, file: Data(mixed)), [ImportIssue(line: 3, column: nil, problem: .malformed(.mixedEncodings))])
        XCTAssertEqual(try written(database), [0, 0, 0])
    }
}
