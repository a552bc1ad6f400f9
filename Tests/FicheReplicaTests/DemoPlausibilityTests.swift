@testable import FicheReplica
import FicheDemo
import FicheDomain
import GRDB
import XCTest

/// The demo a clerk would not frown at, whatever day it is generated: nobody hired before 18,
/// no contract still running after its end, nothing clocked or drafted in the future. Checked
/// over every person and record of a demo generated on the tests' day (24 November 2026) and on
/// the same day a year later.
final class DemoPlausibilityTests: XCTestCase {
    private static let dataset = DemoDataset(dossiers: 1_200, seed: 5)
    private static let days = [LocalDate(dayNumber: 20_781), LocalDate(dayNumber: 20_781 + 365)]  // 2026-11-24, 2027-11-24
    private static let demos: [AppDatabase]? = try? days.map { day in
        let database = try AppDatabase.open(at: ReplicaFixture.file("demo-\(day.iso)"), clock: .fixed(at: day, hour: 10))
        try DemoDataGenerator(dataset: dataset).write(into: database)
        return database
    }

    /// Runs `check` on each demo with its today.
    private func eachDemo(_ check: (Database, LocalDate) throws -> Void) throws {
        let demos = try XCTUnwrap(Self.demos)
        for (database, today) in zip(demos, Self.days) {
            XCTAssertEqual(database.clock.today, today)
            try database.writer.read { db in try check(db, today) }
        }
    }

    func testEveryoneWasHiredAtEighteenOrLater() throws {
        try eachDemo { db, today in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.number, p.birth_date, d.start_date, c.start AS career_start
                FROM dossier d JOIN person p ON p.id = d.person_id JOIN career_period c ON c.dossier_id = d.id
                """)
            XCTAssertEqual(rows.count, Self.dataset.dossiers)
            var young: [String] = []
            for row in rows {
                let adult = try LocalDate.parse(row["birth_date"] as String).adding(months: 18 * 12)
                for column in ["start_date", "career_start"] where try LocalDate.parse(row[column] as String) < adult {
                    young.append("\(row["number"] as String) born \(row["birth_date"] as String), \(column) \(row[column] as String)")
                }
            }
            XCTAssertEqual(young, [], "hired before 18 (demo of \(today.iso)): \(young.prefix(5))")
        }
    }

    /// A dossier has left exactly when its end date is past, and its career ends with it; an
    /// art. 60 contract whose planned end is past has ended (with a reason), its placement
    /// too, and its worker has left the CPAS that day.
    func testContractsThatEndedBeforeTodayAreEnded() throws {
        try eachDemo { db, today in
            let day = today.iso
            func count(_ sql: String) throws -> Int {
                try Int.fetchOne(db, sql: sql, arguments: sql.contains("?") ? [day] : []) ?? -1
            }
            XCTAssertEqual(try count("SELECT count(*) FROM dossier WHERE end_date < ? AND status <> 'left'"), 0,
                           "ended before \(day) but not left")
            XCTAssertEqual(try count("SELECT count(*) FROM dossier WHERE status = 'left' AND (end_date IS NULL OR end_date >= ?)"), 0,
                           "left but working on \(day)")
            XCTAssertGreaterThan(try count("SELECT count(*) FROM dossier WHERE status = 'left' AND end_date < ?"), 0)
            XCTAssertEqual(try count("""
                SELECT count(*) FROM career_period c JOIN dossier d ON d.id = c.dossier_id
                WHERE ((c."end" IS NULL) <> (d.end_date IS NULL) OR c."end" <> d.end_date)
                """), 0, "a career that does not end with its dossier")
            XCTAssertEqual(try count("""
                SELECT count(*) FROM art60_contract WHERE (planned_end < ? AND "end" IS NULL)
                   OR ("end" IS NULL) <> (end_reason IS NULL)
                """), 0, "an art. 60 contract past its planned end still running (\(day))")
            XCTAssertEqual(try count("SELECT count(*) FROM art60_contract WHERE \"end\" >= ?"), 0, "ended in the future")
            XCTAssertGreaterThan(try count("SELECT count(*) FROM art60_contract WHERE \"end\" < ?"), 0)
            XCTAssertEqual(try count("""
                SELECT count(*) FROM art60_contract a JOIN dossier d ON d.id = a.dossier_id
                WHERE ((a."end" IS NULL) <> (d.status <> 'left') OR a."end" <> d.end_date)
                """), 0, "an art. 60 worker whose dossier does not end with the contract")
            XCTAssertEqual(try count("""
                SELECT count(*) FROM placement p JOIN art60_contract a ON a.id = p.contract_id
                WHERE (a."end" IS NOT NULL AND (p."end" IS NULL OR p."end" > a."end")) OR (a."end" IS NULL AND p."end" IS NOT NULL)
                   OR p.start > ?
                """), 0, "a placement still running after its contract")
        }
    }

    /// Clockings, lateness, overtime and drafts are what happened or is being entered: none
    /// after today. Absences planned ahead (leave, training) may be, submitted. The officers'
    /// log holds nothing after today either, and the demo reaches today (its last month has
    /// clockings), months before today's closed, the others open.
    func testNothingIsClockedOrDraftedAfterToday() throws {
        try eachDemo { db, today in
            let day = today.iso
            let future = try Row.fetchAll(db, sql: """
                SELECT id, kind, status, start FROM time_record WHERE start > ? AND (kind <> 'absence' OR status = 'draft')
                """, arguments: [day])
            XCTAssertEqual(future.count, 0, "after \(day): \(future.prefix(5))")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM art60_event WHERE date > ?", arguments: [day]), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM time_record t JOIN dossier d ON d.id = t.dossier_id WHERE t."end" > d.end_date
                """), 0, "a record after its dossier ended")
            let lastClocking = try XCTUnwrap(try String.fetchOne(db, sql: "SELECT max(start) FROM time_record WHERE kind = 'clocking'"))
            XCTAssertGreaterThanOrEqual(try LocalDate.parse(lastClocking), today.adding(days: -7), "the demo reaches \(day)")
            let month = today.yearMonth.description
            let months = try Row.fetchAll(db, sql: "SELECT month, status FROM payroll_month")
            XCTAssertFalse(months.isEmpty)
            for row in months {
                let name: String = row["month"], status: String = row["status"]
                XCTAssertEqual(status, name < month ? "closed" : "open", "payroll month \(name) on \(day)")
            }
            XCTAssertEqual(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM time_record WHERE status = 'validated' AND "end" >= ?
                """, arguments: [month + "-01"]), 0, "validated in a month not closed")
        }
    }
}
