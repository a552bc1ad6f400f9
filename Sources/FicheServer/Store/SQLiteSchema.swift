/// The SQLite schema, as idempotent statements run in order by `migrate()`.
///
/// Never edit a statement a release has run: append new ones.
enum SQLiteSchema {
    static let statements: [String] = [
        "CREATE TABLE IF NOT EXISTS sync_clock (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, horizon INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS server_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS employers (code TEXT PRIMARY KEY, kind TEXT NOT NULL, name_fr TEXT NOT NULL, name_nl TEXT NOT NULL, holiday_calendar_id TEXT NOT NULL DEFAULT '', payroll_cutoff_day INTEGER NOT NULL DEFAULT 20, created_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL, access_hash TEXT NOT NULL UNIQUE, access_expires_at INTEGER NOT NULL, refresh_hash TEXT NOT NULL UNIQUE, refresh_expires_at INTEGER NOT NULL, last_mutation_id INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, last_seen_at TEXT, revoked_at TEXT)",
        "CREATE TABLE IF NOT EXISTS grants (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), employer_code TEXT NOT NULL REFERENCES employers(code), role TEXT NOT NULL, valid_from TEXT, valid_to TEXT, created_at TEXT NOT NULL, UNIQUE (user_id, employer_code, role))",
        "CREATE TABLE IF NOT EXISTS payroll_months (employer_code TEXT NOT NULL REFERENCES employers(code), month TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (employer_code, month))",
        "CREATE TABLE IF NOT EXISTS dossiers (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), number TEXT NOT NULL, niss TEXT NOT NULL, last_name TEXT NOT NULL, first_name TEXT NOT NULL, birth_date TEXT NOT NULL, sex TEXT NOT NULL, language TEXT NOT NULL, address TEXT, iban TEXT, category TEXT NOT NULL, grade TEXT, regime_percent TEXT NOT NULL, start_date TEXT NOT NULL, status TEXT NOT NULL, payroll_clerk TEXT, version INTEGER NOT NULL, deleted_at TEXT, UNIQUE (employer_code, number))",
        "CREATE TABLE IF NOT EXISTS time_records (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), kind TEXT NOT NULL, type_code TEXT, start_date TEXT NOT NULL, end_date TEXT NOT NULL, day_part TEXT NOT NULL, start_minute TEXT, end_minute TEXT, minutes TEXT, certificate_received TEXT NOT NULL, status TEXT NOT NULL, entered_by TEXT NOT NULL, version INTEGER NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS notes (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), author TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS change_log (seq INTEGER PRIMARY KEY, scope TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL, version INTEGER NOT NULL, row_json TEXT, mutation TEXT, target_user TEXT)",
        "CREATE TABLE IF NOT EXISTS mutations (client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, uuid TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, result TEXT NOT NULL, seq INTEGER, created_at TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id))",
        "CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT, device_id TEXT, action TEXT NOT NULL, decision TEXT NOT NULL, employer_code TEXT, entity TEXT, entity_id TEXT, field TEXT, old_value TEXT, new_value TEXT)",
        // Review of time records; the person an account belongs to (four-eyes rule); art. 60 follow-up.
        // SQLite has no ADD COLUMN IF NOT EXISTS: `migrate()` skips a column that exists.
        "ALTER TABLE time_records ADD COLUMN reviewed_by TEXT",
        "ALTER TABLE time_records ADD COLUMN rejection_reason TEXT",
        "ALTER TABLE users ADD COLUMN niss TEXT",
        "CREATE TABLE IF NOT EXISTS art60_events (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), contract_id TEXT NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL, placement_id TEXT, note TEXT NOT NULL, recorded_by TEXT NOT NULL, version INTEGER NOT NULL)",
        // The language a user reads (sent to replicas with the user's name).
        "ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'fr'",
        // Refresh-token rotation with reuse detection (see `Authenticator.refresh`).
        "ALTER TABLE devices ADD COLUMN previous_refresh_hash TEXT",
        "ALTER TABLE devices ADD COLUMN tokens_used INTEGER NOT NULL DEFAULT 1",
        // What a dossier's career and art. 60 tabs show, scoped and versioned like dossiers.
        "CREATE TABLE IF NOT EXISTS career_periods (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), start_date TEXT NOT NULL, end_date TEXT, grade TEXT NOT NULL, scale TEXT NOT NULL, regime INTEGER NOT NULL, schedule TEXT NOT NULL, category TEXT NOT NULL, version INTEGER NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), name TEXT NOT NULL, kind TEXT NOT NULL, enterprise_number TEXT, address TEXT, contact_name TEXT, active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS art60_contracts (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), start_date TEXT NOT NULL, end_date TEXT, end_reason TEXT, planned_end TEXT, regime INTEGER NOT NULL, officer_id TEXT, version INTEGER NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS placements (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), contract_id TEXT NOT NULL REFERENCES art60_contracts(id), partner_id TEXT NOT NULL REFERENCES partners(id), start_date TEXT NOT NULL, end_date TEXT, agreement_signed_on TEXT, monthly_fee_cents INTEGER NOT NULL, tasks TEXT NOT NULL, hours_per_week TEXT NOT NULL, supervisor_name TEXT, version INTEGER NOT NULL, deleted_at TEXT)",
        // A dossier's time manager, pay seniority date and end date, as the replica keeps them.
        "ALTER TABLE dossiers ADD COLUMN time_manager TEXT",
        "ALTER TABLE dossiers ADD COLUMN pay_seniority_date TEXT",
        "ALTER TABLE dossiers ADD COLUMN end_date TEXT",
        // Identical read decisions of one device within a batch are one row: how many, until when.
        "ALTER TABLE audit ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE audit ADD COLUMN last_at TEXT",
    ] + ServerSchema.indexes + ServerSchema.authGeneration + ServerSchema.authTables.flatMap { table in
        ["INSERT", "UPDATE", "DELETE"].map { event in
            """
            CREATE TRIGGER IF NOT EXISTS \(table)_auth_generation_\(event.lowercased()) AFTER \(event) ON \(table)
            BEGIN UPDATE auth_generation SET value = value + 1 WHERE id = 1; END
            """
        }
    } + ServerSchema.loginThrottle + [
        // Corrections of validated entries: the entry replaced, whether it only cancels, and the
        // open month a correction touching a closed one is booked in.
        "ALTER TABLE time_records ADD COLUMN replaces_id TEXT",
        "ALTER TABLE time_records ADD COLUMN cancellation TEXT",
        "ALTER TABLE time_records ADD COLUMN correction_month TEXT",
        // A changed IBAN waits for a second person's confirmation before it is paid to.
        "ALTER TABLE dossiers ADD COLUMN pending_iban TEXT",
        "ALTER TABLE dossiers ADD COLUMN pending_iban_by TEXT",
    ] + ServerSchema.addedTimeRecordColumns(ifNotExists: false) + [
        // Days acquired toward the art. 60 target before the contract.
        "ALTER TABLE art60_contracts ADD COLUMN prior_days INTEGER NOT NULL DEFAULT 0",
        // A note its author edited (when), or erased: the text emptied, the row kept as a tombstone.
        "ALTER TABLE notes ADD COLUMN edited_at TEXT",
        "ALTER TABLE notes ADD COLUMN deleted_at TEXT",
    ]
}
