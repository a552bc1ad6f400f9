import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// `fiche-server import time-records`: the absences and clockings an office kept before Fiche,
/// imported as validated history with the rules of a pushed entry; all or nothing, idempotent,
/// and pulled by the employer's replicas.
final class TimeRecordHistoryImportTests: XCTestCase {
    func testSQLiteHistoryImportsOnceAsValidatedAndReachesTheReplicas() async throws {
        try await Self.historyImportsOnceAsValidatedAndReachesTheReplicas(.sqlite)
    }

    func testPostgresHistoryImportsOnceAsValidatedAndReachesTheReplicas() async throws {
        try await Self.historyImportsOnceAsValidatedAndReachesTheReplicas(.postgres)
    }

    func testSQLiteAWrongFileIsRefusedWholeWithItsLinesAndWritesNothing() async throws {
        try await Self.aWrongFileIsRefusedWholeWithItsLinesAndWritesNothing(.sqlite)
    }

    func testPostgresAWrongFileIsRefusedWholeWithItsLinesAndWritesNothing() async throws {
        try await Self.aWrongFileIsRefusedWholeWithItsLinesAndWritesNothing(.postgres)
    }

    /// As Excel saves it in Brussels: `;`, DD/MM/YYYY, a decimal comma, `oui`/`non`, and a badge
    /// reader's row without its empty cells at the end. The fixture's clock says 2026-01-01.
    static let file = """
        dossier_number;type;from;to;unit;hours;certificate
        A001;annual_leave;03/03/2025;07/03/2025;day;;
        A001;sick;10/03/2025;12/03/2025;;;oui
        A001;training;13/03/2025;13/03/2025;hour;3,5;
        A001;Clocking;14/03/2025 08:00;14/03/2025 12:30;hour
        A002;annual_leave;17/03/2025;17/03/2025;half_day;;non\r\n
        """

    /// The same entries as another tool writes them: `,`, ISO dates, a decimal point, other order.
    static let sameEntriesOtherwise = """
        dossier_number,type,from,to,unit,hours,certificate
        A002,annual_leave,2025-03-17,2025-03-17,half_day,,0
        A001,clocking,2025-03-14T08:00,2025-03-14 12:30,,,
        A001,training,2025-03-13,2025-03-13,hour,3.5,no
        A001,sick,2025-03-10,2025-03-12,day,,yes
        A001,annual_leave,2025-03-03,2025-03-07,,,
        """

    static func historyImportsOnceAsValidatedAndReachesTheReplicas(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let importer = TimeRecordHistoryImport(store: fixture.store, rules: try RuleBook.bundled(),
                                               configuration: fixture.configuration)
        let first = try await importer.run(file: Data(file.utf8), employer: ServerFixture.commune)
        XCTAssertEqual(first.description, "5 time records imported, 0 already present")
        let stored = try await fixture.store.read { tx in
            try await tx.query("""
                SELECT d.number, t.kind, t.type_code, t.start_date, t.end_date, t.day_part, t.start_minute, t.end_minute,
                       t.minutes, t.certificate_received, t.status, t.entered_by, t.reviewed_by
                FROM time_records t JOIN dossiers d ON d.id = t.dossier_id ORDER BY t.start_date
                """, [])
        }
        let columns = ["number", "kind", "type_code", "start_date", "end_date", "day_part", "start_minute", "end_minute",
                       "minutes", "certificate_received", "status", "entered_by", "reviewed_by"]
        XCTAssertEqual(stored.map { row in columns.map { row.string($0) ?? "-" }.joined(separator: " ") }, [
            "A001 absence annual_leave 2025-03-03 2025-03-07 full - - - 0 validated import import",
            "A001 absence sick 2025-03-10 2025-03-12 full - - - 1 validated import import",
            "A001 absence training 2025-03-13 2025-03-13 full - - 210 0 validated import import",
            "A001 clocking - 2025-03-14 2025-03-14 full 480 750 - 0 validated import import",
            "A002 absence annual_leave 2025-03-17 2025-03-17 morning - - - 0 validated import import",
        ])

        // Again, as it was or as another tool writes the same entries: nothing new, no overlap reported.
        let again = try await importer.run(file: Data(file.utf8), employer: ServerFixture.commune)
        XCTAssertEqual(again.description, "0 time records imported, 5 already present")
        let otherwise = try await importer.run(csv: sameEntriesOtherwise, employer: ServerFixture.commune)
        XCTAssertEqual(otherwise.description, "0 time records imported, 5 already present")
        // A longer history holding the same rows: only the new one is written.
        let longer = try await importer.run(csv: sameEntriesOtherwise + "\nA001,annual_leave,2025-03-24,2025-03-24,day,,",
                                            employer: ServerFixture.commune)
        XCTAssertEqual(longer.description, "1 time record imported, 5 already present")
        let records = try await fixture.count("SELECT COUNT(*) AS n FROM time_records")
        XCTAssertEqual(records, 6)
        let imports = try await fixture.count("SELECT COUNT(*) AS n FROM audit WHERE action = 'import.time_records'")
        XCTAssertEqual(imports, 4,
                       "each import is audited once")
        let audited = try await fixture.store.read { tx in
            try await tx.query("SELECT new_value FROM audit WHERE action = 'import.time_records' ORDER BY id", [])
        }
        XCTAssertEqual(audited.first?.string("new_value"), "5 imported, 0 already present")

        // A clerk's replica of the commune pulls the history, validated; the CPAS's does not.
        let ids = try await fixture.store.read { tx in try await tx.query("SELECT id FROM time_records", []) }.compactMap { $0.string("id") }
        try await fixture.test { api in
            let clerk = try await api.login("clerk.ac").accessToken
            let (status, pull, _) = try await api.pull(clerk)
            XCTAssertEqual(status, .ok)
            let records = try XCTUnwrap(pull).changes.filter { $0.entity == .timeRecord }
            XCTAssertEqual(Set(records.map(\.id)), Set(ids))
            XCTAssertTrue(records.allSatisfy { ($0.row?["status"] ?? nil) == "validated" }, "\(records.map(\.row))")
            let cpas = try await api.login("clerk.cpas").accessToken
            let (_, cpasPull, _) = try await api.pull(cpas)
            XCTAssertTrue(try XCTUnwrap(cpasPull).changes.allSatisfy { $0.entity != .timeRecord })
        }
        await fixture.store.close()
    }

    static func aWrongFileIsRefusedWholeWithItsLinesAndWritesNothing(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let importer = TimeRecordHistoryImport(store: fixture.store, rules: try RuleBook.bundled(),
                                               configuration: fixture.configuration)
        let header = "dossier_number,type,from,to,unit,hours,certificate\n"
        _ = try await importer.run(csv: header + "A001,annual_leave,03/03/2025,07/03/2025,day,,", employer: ServerFixture.commune)
        let leave = TimeRecordHistoryImport.recordID(
            employer: ServerFixture.commune, dossierNumber: "A001",
            entry: .absence(type: "annual_leave", start: try LocalDate.parse("2025-03-03"), end: try LocalDate.parse("2025-03-07"),
                            unit: .day, minutes: nil, certificateReceived: false))
        let aboveInFile = TimeRecordHistoryImport.recordID(
            employer: ServerFixture.commune, dossierNumber: "A001",
            entry: .absence(type: "annual_leave", start: try LocalDate.parse("2025-03-24"), end: try LocalDate.parse("2025-03-25"),
                            unit: .day, minutes: nil, certificateReceived: false))
        let before = try await count(fixture)

        func refused(_ text: String, employer: String = ServerFixture.commune) async throws -> [String] {
            do {
                _ = try await importer.run(csv: text, employer: employer)
                XCTFail("refused: \(text)")
                return []
            } catch let failure as DossierImport.Failure {
                return failure.errors
            }
        }
        // Cells that do not read, in line order, every one of them.
        let refusal1 = try await refused(header + """
            A001,annual_leave,31/02/2025,03/03/2025,week,,maybe
            ,clocking,2025-03-14 8h00,2025-03-15 12:00,,,
            A001,training,13/03/2025,13/03/2025,hour,,
            A001,sick,10/03/2025,12/03/2025,day,,no,extra
            """)
        XCTAssertEqual(refusal1, [
            "line 2: from: Day 31 of month 2 of 2025 does not exist",
            "line 2: unit: 'week' is not day, half_day or hour",
            "line 2: certificate: 'maybe' is not yes or no (1/0, true/false, oui/non, ja/nee)",
            "line 3: dossier_number: is empty",
            "line 3: from: '2025-03-14 8h00' is not a day and a time (e.g. 2027-01-04 08:00 or 04/01/2027 8:00)",
            "line 4: hours: is empty",
            "line 5: row: 8 fields, the header has 7 (a value holding ',' must be in quotes)",
        ])
        // Rows the rules refuse: against the stored history, the rows above, the calendar, today.
        let refusal2 = try await refused(header + """
            A001,annual_leave,05/03/2025,05/03/2025,day,,
            A001,annual_leave,08/03/2025,09/03/2025,day,,
            A001,flu,17/03/2025,17/03/2025,,,
            A001,clocking,2026-01-05 08:00,2026-01-05 12:00,,,
            A001,annual_leave,24/03/2025,25/03/2025,day,,
            A001,annual_leave,25/03/2025,26/03/2025,day,,
            A001,annual_leave,24/03/2025,25/03/2025,,,no
            """)
        XCTAssertEqual(refusal2, [
            "line 2: from: Absence overlaps record \(leave) on 2025-03-05",
            "line 3: to: No working day between 2025-03-08 and 2025-03-09",
            "line 4: type: Unknown absence type 'flu'",
            "line 5: from: Clocking on 2026-01-05 is after today (2026-01-01)",
            "line 7: from: Absence overlaps record \(aboveInFile) on 2025-03-25",
            "line 8: row: the same entry as line 6",
        ])
        // A validated sickness holds its certificate (a contract worker's several days).
        let sickness = try await refused(header + "A002,sick,18/03/2025,20/03/2025,day,,no")
        XCTAssertEqual(sickness.count, 1)
        XCTAssertTrue(sickness.first?.hasPrefix("line 2: certificate: A medical certificate is required for 'sick'") == true, "\(sickness)")
        // Dossiers and employers.
        let refusal3 = try await refused(header + "S001,annual_leave,03/03/2025,03/03/2025,,,\nA999,annual_leave,03/03/2025,03/03/2025,,,")
        XCTAssertEqual(refusal3, [
            "line 2: dossier_number: S001 is a dossier of CPAS-T, not of AC-T",
            "line 3: dossier_number: no dossier A999 at AC-T",
        ])
        let refusal4 = try await refused(header + "A001,annual_leave,17/03/2025,17/03/2025,,,", employer: "XX-T")
        XCTAssertEqual(refusal4,
                       ["no employer XX-T; add it with fiche-server employer add"])
        // Files that are no history.
        let refusal5 = try await refused("")
        XCTAssertEqual(refusal5, ["line 1: the file is empty; expected a header row"])
        let refusal6 = try await refused(header)
        XCTAssertEqual(refusal6, ["the file has a header but no rows: nothing to import"])
        let refusal7 = try await refused("dossier_number,type,from\nA001,sick,03/03/2025")
        XCTAssertEqual(refusal7,
                       ["line 1: header: missing columns to, unit, hours, certificate"])
        do {
            _ = try await importer.run(file: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0xFE, 0x00, 0x22, 0x0A]), employer: ServerFixture.commune)
            XCTFail("a file that is no CSV is refused")
        } catch let failure as DossierImport.Failure {
            XCTAssertEqual(failure.errors.count, 1, "\(failure.errors)")
        }

        let after = try await count(fixture)
        XCTAssertEqual(after, before, "a refused file writes nothing")
        await fixture.store.close()
    }

    private static func count(_ fixture: ServerFixture) async throws -> [Int64] {
        try await fixture.store.read { tx in
            var counts: [Int64] = []
            for table in ["time_records", "change_log", "audit"] {
                counts.append(try await tx.first("SELECT COUNT(*) AS n FROM \(table)")?.int("n") ?? -1)
            }
            counts.append(try await tx.first("SELECT seq AS n FROM sync_clock WHERE id = 1")?.int("n") ?? -1)
            return counts
        }
    }
}
