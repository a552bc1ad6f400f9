import FicheDomain
@testable import FicheReplica
import FicheSyncProtocol
import GRDB
import XCTest

final class MigrationTests: XCTestCase {
    func testANewReplicaHasEveryTableOfTheDomainWithItsEmployerAndVersion() throws {
        let database = try AppDatabase.open(at: ReplicaFixture.file(), clock: .tests)
        try database.writer.read { db in
            for table in ["person", "dossier", "career_period", "time_record", "payroll_month", "partner",
                          "art60_contract", "placement", "art60_event", "app_user", "user_grant"] {
                let columns = try db.columns(in: table).map(\.name)
                XCTAssertTrue(columns.contains("employer_code"), table)
                XCTAssertTrue(columns.contains("version"), table)
            }
            for table in ["employer", "outbox", "mutation_result", "sync_state", "audit", "dossier_list", "dossier_search",
                          "local_person", "local_dossier", "local_time_record"] {
                XCTAssertTrue(try db.tableExists(table), table)
            }
            for view in ["person_view", "dossier_view", "time_record_view"] {
                XCTAssertTrue(try db.viewExists(view), view)
            }
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_state"), 1)
        }
        XCTAssertEqual(try database.writer.read { try ReplicaSchema.migrator.appliedIdentifiers($0) }.count,
                       ReplicaSchema.migrator.migrations.count)
    }

    func testAReplicaOfAnOlderFicheIsUpgradedInPlaceKeepingItsRows() throws {
        let file = ReplicaFixture.file()
        let old = try DatabaseQueue(path: file)
        try old.write { db in try db.execute(sql: "PRAGMA application_id = \(ReplicaSchema.applicationID)") }
        try ReplicaSchema.migrator.migrate(old, upTo: "v2-dossiers")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO person (id, employer_code, niss, last_name, first_name, birth_date, sex, language)
                VALUES ('p', 'AC-IXL', '85073003328', 'Van den Bossche', 'Éloïse', '1985-07-30', 'female', 'fr')
                """)
            try db.execute(sql: """
                INSERT INTO dossier (id, employer_code, number, person_id, status, category, start_date)
                VALUES ('d', 'AC-IXL', 'AC-000001', 'p', 'active', 'statutory', '2020-01-01')
                """)
        }
        try old.close()
        let database = try AppDatabase.open(at: file, clock: .tests)
        try database.writer.read { db in
            XCTAssertTrue(try db.tableExists("outbox"))
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT last_name FROM person_view WHERE id = 'p'"), "Van den Bossche")
        }
    }

    func testMigrationsAreListedInTheOrderTheyRun() {
        XCTAssertEqual(ReplicaSchema.migrator.migrations, [
            "v1-reference", "v2-dossiers", "v3-time-records", "v4-art60", "v5-outbox-audit-sync", "v6-dossier-list-search",
            "v7-queue-indexes",
            "v8-local-art60-payroll-month",
            "v9-certificate-and-month-indexes",
            "v10-partial-queue-indexes",
            "v11-open-records-by-employer",
            "v12-outbox-sent-mutation",
            "v13-corrections",
            "v14-pending-iban",
            "v15-open-records-by-start",
            "v16-sent-journal",
            "v17-correction-reason",
            "v18-corrections-by-replaced",
            "v19-art60-prior-days",
            "v20-open-records-by-dossier",
            "v21-notes",
            "v22-art60-projections",
        ])
    }

    /// A replica upgraded in the middle of an initial copy (the mirror's indexes set aside, to
    /// be built at its end): the end of the copy builds the narrow queue indexes, never the
    /// wide ones they replace.
    func testAnUpgradeDuringACopyEndsWithTheNarrowQueueIndexesOnly() throws {
        let file = ReplicaFixture.file()
        let old = try DatabaseQueue(path: file)
        try old.write { db in try db.execute(sql: "PRAGMA application_id = \(ReplicaSchema.applicationID)") }
        try ReplicaSchema.migrator.migrate(old, upTo: "v9-certificate-and-month-indexes")
        try old.write { db in try AppDatabase.setAsideMirrorIndexes(db) }
        try old.close()

        let database = try AppDatabase.open(at: file, clock: .tests)
        try database.writer.write { db in try AppDatabase.restoreMirrorIndexes(db) }
        let indexes = try database.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('time_record', 'local_time_record')
                AND sql IS NOT NULL ORDER BY name
                """)
        }
        XCTAssertEqual(indexes, [
            "local_time_record_by_dossier", "local_time_record_by_replaced", "local_time_record_certificate_due", "local_time_record_draft_by_author",
            "local_time_record_open_by_dossier", "local_time_record_open_by_employer", "local_time_record_open_by_start",
            "local_time_record_unjustified",
            "time_record_by_dossier", "time_record_by_replaced", "time_record_certificate_due", "time_record_draft_by_author",
            "time_record_open_by_dossier",
            "time_record_open_by_employer", "time_record_open_by_start", "time_record_unjustified",
        ])
        // The art. 60 projections' triggers, created aside by the upgrade, are there once the copy ends.
        let triggers = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'art60_projection_%'")
        }
        XCTAssertEqual(triggers, Art60ProjectionStore.triggers.count)
    }

    /// Changes waiting in the outbox of an older replica are sent after the upgrade exactly as
    /// that version would have sent them: the same record, dates, times, decision and field.
    func testPendingChangesOfAnOlderReplicaAreSentAsTheyWereMeant() throws {
        let file = ReplicaFixture.file()
        let old = try DatabaseQueue(path: file)
        try old.write { db in try db.execute(sql: "PRAGMA application_id = \(ReplicaSchema.applicationID)") }
        try ReplicaSchema.migrator.migrate(old, upTo: "v11-open-records-by-employer")
        func payload(_ fields: [String: String]) -> String {
            let inner = fields.keys.sorted().map { #""\#($0)":{"new":"\#(fields[$0] ?? "")","old":null}"# }
            return #"{"delete":false,"fields":{"# + inner.joined(separator: ",") + "}}"
        }
        let rows: [(String, String, String, String)] = [
            ("recordClocking", "time_record", "c1", payload([
                "dossier_id": "d", "kind": "clocking", "start": "2026-03-02", "end": "2026-03-02",
                "start_minute": "480", "end_minute": "720", "status": "submitted"])),
            ("reviewTimeRecord", "time_record", "r1", payload(["status": "rejected", "rejection_reason": "Mauvaise date"])),
            ("closePayrollMonth", "payroll_month", "AC-IXL/2026-01", payload(["month": "2026-01"])),
            ("updateDossierField", "person", "p", payload(["iban": "BE68539007547034"])),
            ("updateDossierField", "dossier", "d", payload(["time_manager_id": "u-time"])),
        ]
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO dossier (id, employer_code, number, person_id, status, category, start_date)
                VALUES ('d', 'AC-IXL', 'AC-000001', 'p', 'active', 'statutory', '2020-01-01')
                """)
            for (n, row) in rows.enumerated() {
                try db.execute(sql: """
                    INSERT INTO outbox (uuid, mutation, entity, target_id, employer_code, payload, created_at, created_by)
                    VALUES (?, ?, ?, ?, 'AC-IXL', ?, '2026-03-02T09:00:00.000Z', 'u-clerk')
                    """, arguments: ["u\(n)", row.0, row.1, row.2, row.3])
            }
        }
        try old.close()

        let sent = try AppDatabase.open(at: file, clock: .tests).pendingMutations().map(\.sent)
        XCTAssertEqual(sent, [
            .recordTimeRecord(RecordTimeRecord(recordID: "c1", dossierID: "d", kind: .clocking, typeCode: nil,
                                               start: ReplicaFixture.date("2026-03-02"), end: ReplicaFixture.date("2026-03-02"),
                                               startMinute: 480, endMinute: 720, status: .submitted)),
            .reviewTimeRecord(ReviewTimeRecord(recordID: "r1", decision: .reject(reason: "Mauvaise date"))),
            .closePayrollMonth(ClosePayrollMonth(employerCode: "AC-IXL", month: try YearMonth.parse("2026-01"))),
            .updateDossierField(UpdateDossierField(dossierID: "d", field: .iban, change: FieldChange(old: nil, new: "BE68539007547034"))),
            .updateDossierField(UpdateDossierField(dossierID: "d", field: .timeManager, change: FieldChange(old: nil, new: "u-time"))),
        ])
    }
}
