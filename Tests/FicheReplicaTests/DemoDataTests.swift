@testable import FicheReplica
import FicheDemo
import FicheDomain
import GRDB
import XCTest

final class DemoDataTests: XCTestCase {
    private static let demo: AppDatabase? = try? {
        let database = try AppDatabase.open(at: ReplicaFixture.file("demo"), clock: .tests)
        try DemoDataGenerator(dataset: DemoDataset(dossiers: 1_200, seed: 5)).write(into: database)
        return database
    }()

    private func database() throws -> AppDatabase { try XCTUnwrap(Self.demo) }

    func testEveryPayrollClerkCarries175To250Dossiers() throws {
        let counts = try database().writer.read { db in
            try Int.fetchAll(db, sql: "SELECT count(*) FROM dossier GROUP BY payroll_clerk_id")
        }
        XCTAssertEqual(counts.reduce(0, +), 1_200)
        for count in counts { XCTAssertTrue((175...250).contains(count), "\(counts)") }
    }

    func testTheCPASEmploysAboutTwelvePercentUnderArticle60WithPartners() throws {
        try database().writer.read { db in
            let cpas = try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE employer_code = 'CPAS-IXL'") ?? 0
            let art60 = try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE category = 'art60'") ?? 0
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE category = 'art60' AND employer_code <> 'CPAS-IXL'"), 0)
            XCTAssertTrue((0.08...0.16).contains(Double(art60) / Double(cpas)), "\(art60) of \(cpas)")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM art60_contract"), art60)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(DISTINCT contract_id) FROM placement"), art60)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM partner") ?? 0, 10)
            // Every placement agreement is signed before the placement starts.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM placement WHERE agreement_signed_on > start"), 0)
        }
    }

    func testTwoYearsOfTimeRecordsWithoutOverlapsAndEveryIdentifierValid() throws {
        let database = try database()
        let sizes = try database.tableSizes()
        XCTAssertTrue((40...60).contains((sizes["time_record"] ?? 0) / 1_200), "\(sizes)")
        try database.writer.read { db in
            XCTAssertTrue((try String.fetchOne(db, sql: "SELECT min(start) FROM time_record") ?? "").hasPrefix("2025-01"))
            XCTAssertLessThanOrEqual(try String.fetchOne(db, sql: "SELECT max(\"end\") FROM time_record") ?? "", "2026-12-31")
            let overlaps = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM time_record a JOIN time_record b
                  ON a.dossier_id = b.dossier_id AND a.id < b.id AND a.start <= b."end" AND b.start <= a."end"
                """)
            XCTAssertEqual(overlaps, 0)
            for row in try Row.fetchAll(db, sql: "SELECT niss, iban FROM person") {
                XCTAssertTrue(NISS.isValid(row["niss"]), "\(row)")
                XCTAssertTrue(IBAN.isValid(row["iban"]), "\(row)")
            }
        }
    }

    func testAnArticle60WorkerShowsWhatThe2026ReformChanged() throws {
        let database = try database()
        let dossierID = try XCTUnwrap(try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT dossier_id FROM time_record WHERE id LIKE 'tr-reform-%'")
        })
        let card = try XCTUnwrap(try database.art60Card(dossierID: dossierID, asOf: try LocalDate.parse("2026-11-24"),
                                                        rules: try RuleBook.bundled()))
        let progress = try XCTUnwrap(card.progress)
        XCTAssertLessThan(try XCTUnwrap(card.currentContract).start, try LocalDate.parse("2026-03-01"))
        // Ill from 4 May to 26 June 2026: the employer pays to 2 June, the mutuality from 3 June;
        // those days no longer count and the 24 calendar days of 3–26 June extend the window.
        let mutuality = progress.notCounted.filter { $0.typeCode == "sick" && $0.payer == .mutualityOrInsurer }
        XCTAssertEqual(mutuality.map(\.outcome), [.extends], "\(progress.notCounted)")
        XCTAssertGreaterThan(mutuality.first?.days ?? 0, 0)
        XCTAssertGreaterThanOrEqual(progress.extensionDays, 24)
        XCTAssertTrue(card.events.contains { $0.kind == .sickness && $0.date == (try? LocalDate.parse("2026-05-04")) },
                      "the officer's log says so")
    }

    func testNoTimeRecordStartsOrEndsOnAPublicHolidayOrAWeekend() throws {
        let rules = try RuleBook.bundled()
        let calendars = try [("AC-IXL", EmployerKind.commune), ("CPAS-IXL", .cpas)].reduce(into: [String: HolidayCalendar]()) {
            $0[$1.0] = try rules.holidayCalendar(for: Employer(code: $1.0, kind: $1.1, nameFR: "", nameNL: "",
                                                                holidayCalendarID: "", payrollCutOffDay: 20))
        }
        let rows = try database().writer.read { db in
            try Row.fetchAll(db, sql: "SELECT employer_code, start, \"end\" FROM time_record")
        }
        XCTAssertGreaterThan(rows.count, 40_000)
        var offending: [String] = []
        for row in rows {
            let employer: String = row["employer_code"]
            for column in ["start", "end"] {
                let date = try LocalDate.parse(row[column] as String)
                if date.weekday.isWeekend || calendars[employer]?.isHoliday(date) == true {
                    offending.append("\(employer) \(column) \(date.iso)")
                }
            }
        }
        XCTAssertEqual(offending.count, 0, "records on days nobody works: \(offending.prefix(10))")
        // Easter Monday 2026 (6 April) is a legal holiday at both employers: nothing starts then.
        XCTAssertFalse(rows.contains { ($0["start"] as String) == "2026-04-06" })
    }
}
