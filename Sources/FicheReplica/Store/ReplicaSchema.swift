import FicheSyncProtocol
import GRDB

/// The replica's schema as an ordered list of migrations.
///
/// Migrations are append-only once released: a new column or table is a new step.
///
/// Three kinds of tables (see docs/CODEBASE.md, "The replica"):
/// - mirror tables (`employer`, `person`, `dossier`, `time_record`, …) hold server rows with
///   their `version` and owning employer, and are written only by sync;
/// - overlay tables (`local_person`, `local_dossier`, `local_time_record`, `local_art60_event`,
///   `local_payroll_month`, `local_note`) hold the working value of rows with pending outbox mutations,
///   recomputed from mirror + outbox; the `*_view` views put the two together;
/// - `dossier_list` and its FTS5 index `dossier_search` are derived from the views, one row per
///   dossier, with an index for each list order.
enum ReplicaSchema {
    /// `PRAGMA application_id` of every Fiche replica ("FICH"), so a foreign SQLite file is
    /// recognised and refused before anything is written to it.
    static let applicationID: Int32 = 0x4649_4348

    /// Migrations of development builds, replaced before the first release.
    static let retiredMigrations: Set<String> = ["v1-dossiers"]

    /// The columns of each table a local mutation can change, mirror and overlay alike.
    /// The columns of `person` as `v2` created them (its view was made of these).
    static let firstPersonColumns = [
        "id", "employer_code", "niss", "last_name", "first_name", "birth_date", "sex", "language",
        "address", "iban", "version",
    ]
    /// With the new IBAN waiting for a second person's confirmation (`v14`), and who asked for it.
    static let personColumns = firstPersonColumns + ["pending_iban", "pending_iban_by"]
    static let dossierColumns = [
        "id", "employer_code", "number", "person_id", "status", "category", "payroll_clerk_id",
        "time_manager_id", "start_date", "pay_seniority_date", "end_date", "version",
    ]
    /// The columns of `time_record` as `v3` created them (its view was made of these).
    static let firstTimeRecordColumns = [
        "id", "employer_code", "dossier_id", "kind", "type_code", "start", "end", "day_part",
        "start_minute", "end_minute", "minutes", "certificate_received", "status", "entered_by",
        "reviewed_by", "rejection_reason", "correction_month", "version",
    ]
    /// With the corrections of validated entries (`v13`): the entry replaced, and whether the
    /// correction only cancels it.
    static let correctionTimeRecordColumns = firstTimeRecordColumns + ["replaces_id", "is_cancellation"]
    /// The columns of `time_record` today: those of `RecordTimeRecord.columns`, by their replica
    /// names, and the version. A column added there is added here by a migration
    /// (`addTimeRecordColumns`).
    static let timeRecordColumns = RecordTimeRecord.columns.map(\.replicaName) + ["version"]
    static let art60EventColumns = [
        "id", "employer_code", "contract_id", "date", "kind", "placement_id", "note", "recorded_by", "version",
    ]
    static let payrollMonthColumns = ["employer_code", "month", "status", "version"]
    /// A dossier's notes (`v20`): who wrote it (user id), its text, when it was written and edited.
    static let noteColumns = ["id", "employer_code", "dossier_id", "author", "text", "created_at", "edited_at", "version"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-reference", migrate: createReference)
        migrator.registerMigration("v2-dossiers", migrate: createDossiers)
        migrator.registerMigration("v3-time-records", migrate: createTimeRecords)
        migrator.registerMigration("v4-art60", migrate: createArt60)
        migrator.registerMigration("v5-outbox-audit-sync", migrate: createSync)
        migrator.registerMigration("v6-dossier-list-search", migrate: createDossierList)
        migrator.registerMigration("v7-queue-indexes", migrate: createQueueIndexes)
        migrator.registerMigration("v8-local-art60-payroll-month", migrate: createArt60AndMonthOverlays)
        migrator.registerMigration("v9-certificate-and-month-indexes", migrate: createCertificateAndMonthIndexes)
        migrator.registerMigration("v10-partial-queue-indexes", migrate: narrowQueueIndexes)
        migrator.registerMigration("v11-open-records-by-employer", migrate: narrowMonthIndexes)
        migrator.registerMigration("v12-outbox-sent-mutation", migrate: OutboxWireMigration.migrate)
        migrator.registerMigration("v13-corrections", migrate: addCorrections)
        migrator.registerMigration("v14-pending-iban", migrate: addPendingIBAN)
        migrator.registerMigration("v15-open-records-by-start", migrate: indexOpenRecordsByStart)
        migrator.registerMigration("v16-sent-journal", migrate: createSentJournal)
        migrator.registerMigration("v17-correction-reason") { try addTimeRecordColumns($0, ["correction_reason"]) }
        migrator.registerMigration("v18-corrections-by-replaced", migrate: indexCorrectionsByReplaced)
        migrator.registerMigration("v19-art60-prior-days") { db in
            // Days acquired toward the art. 60 target before the contract (`Art60Contract.priorDays`).
            try db.alter(table: "art60_contract") { t in t.add(column: "prior_days", .integer).notNull().defaults(to: 0) }
        }
        migrator.registerMigration("v20-open-records-by-dossier", migrate: indexOpenRecordsByDossier)
        migrator.registerMigration("v21-notes", migrate: createNotes)
        migrator.registerMigration("v22-art60-projections", migrate: Art60ProjectionStore.createSchema)
        return migrator
    }

    /// Employers, users, grants and payroll months: reference rows written only by sync.
    private static func createReference(_ db: Database) throws {
        try db.create(table: "employer") { t in
            t.primaryKey("code", .text)          // the employer owns its own row: code is the scope
            t.column("kind", .text).notNull()
            t.column("name_fr", .text).notNull()
            t.column("name_nl", .text).notNull()
            t.column("holiday_calendar_id", .text).notNull().defaults(to: "")
            t.column("payroll_cut_off_day", .integer).notNull().defaults(to: 20)
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "app_user") { t in
            t.primaryKey("id", .text)
            t.column("employer_code", .text).notNull()   // the employer that administers the account
            t.column("login", .text).notNull()
            t.column("display_name", .text).notNull()
            t.column("language", .text).notNull()
            t.column("person_id", .text)
            t.column("active", .boolean).notNull().defaults(to: true)
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "user_grant") { t in
            t.primaryKey("id", .text)
            t.column("user_id", .text).notNull()
            t.column("employer_code", .text).notNull()
            t.column("role", .text).notNull()
            t.column("valid_from", .text)
            t.column("valid_to", .text)
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        // A write checks the writer's grants: all grants of one user.
        try db.create(index: "user_grant_by_user", on: "user_grant", columns: ["user_id"])
        try db.create(table: "payroll_month") { t in
            t.column("employer_code", .text).notNull()
            t.column("month", .text).notNull()
            t.column("status", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 0)
            t.primaryKey(["employer_code", "month"])
        }
        try db.create(table: "replica_meta") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
    }

    private static func createDossiers(_ db: Database) throws {
        for table in ["person", "local_person"] {
            try db.create(table: table) { t in
                t.primaryKey("id", .text)
                t.column("employer_code", .text).notNull()
                t.column("niss", .text).notNull()
                t.column("last_name", .text).notNull()
                t.column("first_name", .text).notNull()
                t.column("birth_date", .text).notNull()
                t.column("sex", .text).notNull()
                t.column("language", .text).notNull()
                t.column("address", .text)           // JSON of Address
                t.column("iban", .text)
                t.column("version", .integer).notNull().defaults(to: 0)
                if table.hasPrefix("local_") { t.column("deleted", .boolean).notNull().defaults(to: false) }
            }
        }
        for table in ["dossier", "local_dossier"] {
            try db.create(table: table) { t in
                t.primaryKey("id", .text)
                t.column("employer_code", .text).notNull()
                t.column("number", .text).notNull()
                t.column("person_id", .text).notNull()
                t.column("status", .text).notNull()
                t.column("category", .text).notNull()
                t.column("payroll_clerk_id", .text)
                t.column("time_manager_id", .text)
                t.column("start_date", .text).notNull()
                t.column("pay_seniority_date", .text)
                t.column("end_date", .text)
                t.column("version", .integer).notNull().defaults(to: 0)
                if table.hasPrefix("local_") { t.column("deleted", .boolean).notNull().defaults(to: false) }
            }
        }
        // A person's change recomputes the list rows of their dossiers.
        try db.create(index: "dossier_by_person", on: "dossier", columns: ["person_id"])
        try db.create(index: "local_dossier_by_person", on: "local_dossier", columns: ["person_id"])
        try createView(db, name: "person_view", table: "person", columns: firstPersonColumns)
        try createView(db, name: "dossier_view", table: "dossier", columns: dossierColumns)

        try db.create(table: "career_period") { t in
            t.primaryKey("id", .text)
            t.column("employer_code", .text).notNull()
            t.column("dossier_id", .text).notNull()
            t.column("start", .text).notNull()
            t.column("end", .text)
            t.column("grade", .text).notNull()
            t.column("scale", .text).notNull()
            t.column("regime", .integer).notNull()       // thousandths: 1000 = full time
            t.column("schedule", .text).notNull()        // JSON array of seven WorkDay values
            t.column("category", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        // Opening a dossier reads its career in date order.
        try db.create(index: "career_period_by_dossier", on: "career_period", columns: ["dossier_id", "start"])
    }

    private static func createTimeRecords(_ db: Database) throws {
        for table in ["time_record", "local_time_record"] {
            try db.create(table: table) { t in
                t.primaryKey("id", .text)
                t.column("employer_code", .text).notNull()
                t.column("dossier_id", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("type_code", .text)
                t.column("start", .text).notNull()
                t.column("end", .text).notNull()
                t.column("day_part", .text).notNull()
                t.column("start_minute", .integer)
                t.column("end_minute", .integer)
                t.column("minutes", .integer)
                t.column("certificate_received", .boolean).notNull().defaults(to: false)
                t.column("status", .text).notNull()
                t.column("entered_by", .text).notNull()
                t.column("reviewed_by", .text)
                t.column("rejection_reason", .text)
                t.column("correction_month", .text)
                t.column("version", .integer).notNull().defaults(to: 0)
                if table.hasPrefix("local_") { t.column("deleted", .boolean).notNull().defaults(to: false) }
            }
        }
        // Opening a dossier and checking overlaps read one dossier's records by date.
        try db.create(index: "time_record_by_dossier", on: "time_record", columns: ["dossier_id", "start"])
        try db.create(index: "local_time_record_by_dossier", on: "local_time_record", columns: ["dossier_id", "start"])
        try createView(db, name: "time_record_view", table: "time_record", columns: firstTimeRecordColumns)
    }

    private static func createArt60(_ db: Database) throws {
        try db.create(table: "partner") { t in
            t.primaryKey("id", .text)
            t.column("employer_code", .text).notNull()
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("enterprise_number", .text)
            t.column("address", .text)
            t.column("contact_name", .text)
            t.column("active", .boolean).notNull().defaults(to: true)
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "art60_contract") { t in
            t.primaryKey("id", .text)
            t.column("employer_code", .text).notNull()
            t.column("dossier_id", .text).notNull()
            t.column("start", .text).notNull()
            t.column("end", .text)
            t.column("end_reason", .text)
            t.column("planned_end", .text)
            t.column("regime", .integer).notNull()
            t.column("officer_id", .text)
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        try db.create(index: "art60_contract_by_dossier", on: "art60_contract", columns: ["dossier_id"])
        try db.create(table: "placement") { t in
            t.primaryKey("id", .text)
            t.column("employer_code", .text).notNull()
            t.column("contract_id", .text).notNull()
            t.column("partner_id", .text).notNull()
            t.column("start", .text).notNull()
            t.column("end", .text)
            t.column("agreement_signed_on", .text)
            t.column("monthly_fee_cents", .integer).notNull()
            t.column("tasks", .text).notNull()
            t.column("hours_per_week", .double).notNull()
            t.column("supervisor_name", .text)
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        try db.create(index: "placement_by_contract", on: "placement", columns: ["contract_id", "start"])
        try db.create(index: "placement_by_partner", on: "placement", columns: ["partner_id"])
        try db.create(table: "art60_event") { t in
            t.primaryKey("id", .text)
            t.column("employer_code", .text).notNull()
            t.column("contract_id", .text).notNull()
            t.column("date", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("placement_id", .text)
            t.column("note", .text).notNull()
            t.column("recorded_by", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 0)
        }
        try db.create(index: "art60_event_by_contract", on: "art60_event", columns: ["contract_id", "date"])
    }

    private static func createSync(_ db: Database) throws {
        try db.create(table: "outbox") { t in
            // AUTOINCREMENT: ids are never reused, so the id is the client mutation id.
            t.autoIncrementedPrimaryKey("id")
            t.column("uuid", .text).notNull().unique()
            t.column("mutation", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("target_id", .text).notNull()
            t.column("employer_code", .text).notNull()
            t.column("base_version", .integer)
            t.column("payload", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("created_by", .text).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0)
        }
        // Recomputing the working value of one row replays its pending mutations in order.
        try db.create(index: "outbox_by_target", on: "outbox", columns: ["entity", "target_id", "id"])
        try db.create(table: "mutation_result") { t in
            t.primaryKey("mutation_id", .integer)
            t.column("uuid", .text).notNull()
            t.column("mutation", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("target_id", .text).notNull()
            t.column("employer_code", .text).notNull()
            t.column("status", .text).notNull()          // applied, rejected, conflict
            t.column("reason", .text)
            t.column("server_value", .text)
            t.column("recorded_at", .text).notNull()
        }
        try db.create(table: "sync_state") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("client_id", .text)
            t.column("user_id", .text)
            t.column("protocol_version", .integer)
            t.column("schema_version", .text)
            t.column("pull_cursor", .text)
            t.column("initial_sync_token", .text)
            t.column("last_push_at", .text)
            t.column("last_pull_at", .text)
            t.column("last_error", .text)
        }
        try db.execute(sql: "INSERT INTO sync_state (id) VALUES (1)")
        try db.create(table: "audit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("user_id", .text).notNull()
            t.column("employer_code", .text).notNull()
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("target_id", .text).notNull()
            t.column("changes", .text).notNull()         // JSON: {field: {old, new}}
            t.column("mutation_id", .integer)
        }
        // The history of one dossier, record or person.
        try db.create(index: "audit_by_target", on: "audit", columns: ["entity", "target_id", "id"])
    }

    private static func createDossierList(_ db: Database) throws {
        try db.create(table: "dossier_list") { t in
            t.column("list_id", .integer).primaryKey()
            t.column("id", .text).notNull().unique()
            t.column("employer_code", .text).notNull()
            t.column("number", .text).notNull()
            t.column("last_name", .text).notNull()
            t.column("first_name", .text).notNull()
            t.column("sort_name", .text).notNull()
            t.column("category", .text).notNull()
            t.column("status", .text).notNull()
            t.column("payroll_clerk_id", .text)
            t.column("payroll_clerk", .text).notNull()
            t.column("clerk_sort", .text).notNull()
            t.column("search_name", .text).notNull()
            t.column("search_number", .text).notNull()
            t.column("search_niss", .text).notNull()
        }
        try createListIndexes(db)
        try db.execute(sql: """
            CREATE VIRTUAL TABLE dossier_search USING fts5(
                search_name, search_number, search_niss,
                content='dossier_list', content_rowid='list_id',
                tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')
            """)
    }

    /// The supervisors' queues read time records by status (submitted ones to validate, drafts
    /// left at month closing) and by type (sickness without certificate, unjustified absences),
    /// in date order; without these, each queue would scan millions of records. Both tables of
    /// the working view get them, so the view's two halves are read from an index.
    /// (Replaced by narrower ones in `narrowQueueIndexes`.)
    static let queueIndexes: [(name: String, table: String, columns: [String])] = [
        ("time_record_by_status", "time_record", ["status", "start"]),
        ("local_time_record_by_status", "local_time_record", ["status", "start"]),
        ("time_record_by_type", "time_record", ["type_code", "start"]),
        ("local_time_record_by_type", "local_time_record", ["type_code", "start"]),
    ]

    private static func createQueueIndexes(_ db: Database) throws {
        for index in queueIndexes {
            try db.create(index: index.name, on: index.table, columns: index.columns, ifNotExists: true)
        }
    }

    /// The missing-certificates queue reads absences still without a certificate by type and
    /// date (a partial index holds only those, a few per cent of the records); the month
    /// checklist counts an employer's submitted and draft records of the month. At 100,000
    /// dossiers each read visited hundreds of thousands of rows without them.
    private static func createCertificateAndMonthIndexes(_ db: Database) throws {
        for table in ["time_record", "local_time_record"] {
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS \(table)_certificate_due ON \(table)(type_code, start)
                WHERE kind = 'absence' AND certificate_received = 0
                """)
            try db.create(index: "\(table)_by_employer_status", on: table,
                          columns: ["employer_code", "status", "start", "end"], ifNotExists: true)
        }
    }

    /// The validation queue reads only submitted records, the unjustified-absences queue only
    /// that type: a few per cent of the records each. Indexes holding only those rows replace
    /// the `(status, start)` and `(type_code, start)` ones, which held every record. An initial
    /// copy builds each index of the mirror at its end: these take a fraction of the time.
    private static func narrowQueueIndexes(_ db: Database) throws {
        for index in queueIndexes {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
            // A copy under way set the index aside to build it at its end: it is gone now.
            try db.execute(sql: "DELETE FROM replica_meta WHERE key = ?", arguments: ["sync.copy_index.\(index.name)"])
        }
        for table in ["time_record", "local_time_record"] {
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS \(table)_submitted ON \(table)(start) WHERE status = 'submitted'
                """)
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS \(table)_unjustified ON \(table)(start)
                WHERE type_code = '\(AppDatabase.unjustifiedTypeCode)'
                """)
        }
    }

    /// The validation and drafts queues page their entries by start date and count them, also
    /// narrowed by employer, author, type or dossier: one index of the records still in draft or
    /// submitted by (status, start) holds every column those read, so neither a page nor a count
    /// reads a table row; a time manager's own drafts are read from their own index by author.
    /// It replaces the index of submitted records by start alone.
    private static func indexOpenRecordsByStart(_ db: Database) throws {
        for table in ["time_record", "local_time_record"] {
            let old = "\(table)_submitted"
            try db.execute(sql: "DROP INDEX IF EXISTS \(old)")
            try db.execute(sql: "DELETE FROM replica_meta WHERE key = ?", arguments: ["sync.copy_index.\(old)"])
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS \(table)_open_by_start
                ON \(table)(status, start, employer_code, entered_by, type_code, kind, dossier_id)
                WHERE status = 'draft' OR status = 'submitted'
                """)
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS \(table)_draft_by_author ON \(table)(entered_by, start) WHERE status = 'draft'
                """)
        }
    }

    /// Changes the server applied, kept after they leave the outbox
    /// (`AppDatabase.sentJournalDays`), so that they can be pushed again when the server's
    /// database is restored from a backup older than them (`startOverAfterRestore`).
    private static func createSentJournal(_ db: Database) throws {
        try db.create(table: "sent_journal") { t in
            t.primaryKey("id", .integer)                 // the outbox id it had
            t.column("uuid", .text).notNull()
            t.column("mutation", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("target_id", .text).notNull()
            t.column("employer_code", .text).notNull()
            t.column("base_version", .integer)
            t.column("payload", .text).notNull()
            t.column("wire", .text)
            t.column("created_at", .text).notNull()
            t.column("created_by", .text).notNull()
            t.column("client_id", .text)                 // the device it was sent as
            t.column("wire_id", .integer).notNull()      // its mutation id for that device
            t.column("answered_at", .text).notNull()
        }
        try db.create(index: "sent_journal_by_answer", on: "sent_journal", columns: ["answered_at"])
        // Read at every pulled page: the highest id the server applied for this device.
        try db.create(index: "sent_journal_by_device", on: "sent_journal", columns: ["client_id", "wire_id"])
    }

    /// A new IBAN waits on the person until a second person confirms it.
    private static func addPendingIBAN(_ db: Database) throws {
        for table in ["person", "local_person"] {
            try db.alter(table: table) { t in
                t.add(column: "pending_iban", .text)
                t.add(column: "pending_iban_by", .text)
            }
        }
        try db.execute(sql: "DROP VIEW person_view")
        try createView(db, name: "person_view", table: "person", columns: personColumns)
    }

    /// The corrections of an entry, found from the entry: an approval of one waiting in the
    /// outbox shows the entry cancelled (`WorkingView`). Corrections are few, so the index is small.
    /// A queue filtered by a name or a number reads the open records of the few dossiers holding
    /// it: an index of the records in draft or submitted by (dossier, status) holds every column
    /// the filter and the page read, where the index by dossier alone made each record's row be
    /// read to learn its status.
    private static func indexOpenRecordsByDossier(_ db: Database) throws {
        for table in ["time_record", "local_time_record"] {
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS \(table)_open_by_dossier
                ON \(table)(dossier_id, status, start, employer_code, entered_by, type_code, kind, id)
                WHERE status = 'draft' OR status = 'submitted'
                """)
        }
    }

    private static func indexCorrectionsByReplaced(_ db: Database) throws {
        for table in ["time_record", "local_time_record"] {
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(table)_by_replaced ON \(table)(replaces_id) WHERE replaces_id IS NOT NULL")
        }
    }

    /// A correction of a validated entry names the entry it replaces, and may only cancel it.
    private static func addCorrections(_ db: Database) throws {
        for table in ["time_record", "local_time_record"] {
            try db.alter(table: table) { t in
                t.add(column: "replaces_id", .text)
                t.add(column: "is_cancellation", .boolean).notNull().defaults(to: false)
            }
        }
        try db.execute(sql: "DROP VIEW time_record_view")
        try createView(db, name: "time_record_view", table: "time_record", columns: correctionTimeRecordColumns)
    }

    /// Adds `names` (columns of `RecordTimeRecord.columns`, by their replica names) to
    /// `time_record` and `local_time_record`, stored as the description's kind says (a flag is
    /// false, the others NULL, on the rows already held), and makes `time_record_view` again
    /// with every column the table now has. A new field of time records is one migration:
    /// `migrator.registerMigration("vN-name") { try addTimeRecordColumns($0, ["name"]) }`.
    static func addTimeRecordColumns(_ db: Database, _ names: [String]) throws {
        let columns = try names.map { name in
            guard let column = RecordTimeRecord.columns.first(where: { $0.replicaName == name }) else {
                throw DatabaseError(message: "time record column \(name) is not in RecordTimeRecord.columns")
            }
            return column
        }
        for table in ["time_record", "local_time_record"] {
            try db.alter(table: table) { t in
                for column in columns {
                    switch column.kind {
                    case .text: t.add(column: column.replicaName, .text)
                    case .integer: t.add(column: column.replicaName, .integer)
                    case .flag: t.add(column: column.replicaName, .boolean).notNull().defaults(to: false)
                    }
                }
            }
        }
        let held = Set(try db.columns(in: "time_record").map(\.name))
        try db.execute(sql: "DROP VIEW time_record_view")
        try createView(db, name: "time_record_view", table: "time_record",
                       columns: timeRecordColumns.filter { held.contains($0) })
    }

    /// The month checklist and the month closing count an employer's records still in draft or
    /// submitted: under a tenth of them. The index of those alone replaces the one of every
    /// record by `(employer_code, status, start, end)`, the slowest to build at the end of a copy.
    /// Its condition is written as an OR so that a query naming either status reads it.
    private static func narrowMonthIndexes(_ db: Database) throws {
        for table in ["time_record", "local_time_record"] {
            let old = "\(table)_by_employer_status"
            try db.execute(sql: "DROP INDEX IF EXISTS \(old)")
            try db.execute(sql: "DELETE FROM replica_meta WHERE key = ?", arguments: ["sync.copy_index.\(old)"])
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS \(table)_open_by_employer ON \(table)(employer_code, status, start, "end")
                WHERE status = 'draft' OR status = 'submitted'
                """)
        }
    }

    /// Overlays for the art. 60 follow-up log and payroll months, so an event recorded or a month
    /// closed on this device shows at once, before the server has it.
    private static func createArt60AndMonthOverlays(_ db: Database) throws {
        try db.create(table: "local_art60_event") { t in
            t.primaryKey("id", .text)
            t.column("employer_code", .text).notNull()
            t.column("contract_id", .text).notNull()
            t.column("date", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("placement_id", .text)
            t.column("note", .text).notNull()
            t.column("recorded_by", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 0)
            t.column("deleted", .boolean).notNull().defaults(to: false)
        }
        try db.create(index: "local_art60_event_by_contract", on: "local_art60_event", columns: ["contract_id", "date"])
        try createView(db, name: "art60_event_view", table: "art60_event", columns: art60EventColumns)
        try db.create(table: "local_payroll_month") { t in
            t.column("employer_code", .text).notNull()
            t.column("month", .text).notNull()
            t.column("status", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 0)
            t.column("deleted", .boolean).notNull().defaults(to: false)
            t.primaryKey(["employer_code", "month"])
        }
        // Keyed by (employer_code, month): payroll months have no id column.
        let list = payrollMonthColumns.map { "\"\($0)\"" }.joined(separator: ", ")
        let mirrorList = payrollMonthColumns.map { "m.\"\($0)\"" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE VIEW payroll_month_view AS
            SELECT \(list) FROM local_payroll_month WHERE deleted = 0
            UNION ALL
            SELECT \(mirrorList) FROM payroll_month m
            WHERE NOT EXISTS (SELECT 1 FROM local_payroll_month l WHERE l.employer_code = m.employer_code AND l.month = m.month)
            """)
    }

    /// Dossier notes: the mirror of the server's live notes, the overlay of notes added, edited
    /// or erased on this device, and their view; read by dossier, newest first.
    private static func createNotes(_ db: Database) throws {
        for table in ["note", "local_note"] {
            try db.create(table: table) { t in
                t.primaryKey("id", .text)
                t.column("employer_code", .text).notNull()
                t.column("dossier_id", .text).notNull()
                t.column("author", .text).notNull()
                t.column("text", .text).notNull()
                t.column("created_at", .text).notNull()
                t.column("edited_at", .text)
                t.column("version", .integer).notNull().defaults(to: 0)
                if table == "local_note" { t.column("deleted", .boolean).notNull().defaults(to: false) }
            }
            try db.create(index: "\(table)_by_dossier", on: table, columns: ["dossier_id", "created_at"])
        }
        try createView(db, name: "note_view", table: "note", columns: noteColumns)
    }

    /// One index per list order (and per filter that leads it); see `DossierSortOrder`.
    static let listIndexes: [(name: String, columns: [String])] = [
        ("dossier_list_by_name", ["sort_name", "id"]),
        ("dossier_list_by_number", ["number", "id"]),
        ("dossier_list_by_employer", ["employer_code", "sort_name", "id"]),
        // Numbers of one employer: the number order would otherwise skip the other's numbers.
        ("dossier_list_by_employer_number", ["employer_code", "number", "id"]),
        ("dossier_list_by_clerk", ["clerk_sort", "sort_name", "id"]),
        ("dossier_list_by_category", ["category", "sort_name", "id"]),
        ("dossier_list_by_status", ["status", "sort_name", "id"]),
        // "My dossiers": one clerk's dossiers by name.
        ("dossier_list_by_clerk_id", ["payroll_clerk_id", "sort_name", "id"]),
    ]

    static func createListIndexes(_ db: Database) throws {
        for index in listIndexes {
            try db.create(index: index.name, on: "dossier_list", columns: index.columns, ifNotExists: true)
        }
    }

    static func dropListIndexes(_ db: Database) throws {
        for index in listIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
    }

    /// The working view of a table: overlay rows (minus deletions), then mirror rows without one.
    private static func createView(_ db: Database, name: String, table: String, columns: [String]) throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let mirrorList = columns.map { "m.\"\($0)\"" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE VIEW \(name) AS
            SELECT \(list) FROM local_\(table) WHERE deleted = 0
            UNION ALL
            SELECT \(mirrorList) FROM \(table) m
            WHERE NOT EXISTS (SELECT 1 FROM local_\(table) l WHERE l.id = m.id)
            """)
    }
}
