/// The PostgreSQL schema, as idempotent statements run in order by `migrate()`.
///
/// Never edit a statement a release has run: append new ones.
enum PostgresSchema {
    static let statements: [String] = [
        "CREATE TABLE IF NOT EXISTS sync_clock (id BIGINT PRIMARY KEY, seq BIGINT NOT NULL, horizon BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS server_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS employers (code TEXT PRIMARY KEY, kind TEXT NOT NULL, name_fr TEXT NOT NULL, name_nl TEXT NOT NULL, holiday_calendar_id TEXT NOT NULL DEFAULT '', payroll_cutoff_day BIGINT NOT NULL DEFAULT 20, created_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL, active BIGINT NOT NULL DEFAULT 1, created_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL, access_hash TEXT NOT NULL UNIQUE, access_expires_at BIGINT NOT NULL, refresh_hash TEXT NOT NULL UNIQUE, refresh_expires_at BIGINT NOT NULL, last_mutation_id BIGINT NOT NULL DEFAULT 0, created_at TEXT NOT NULL, last_seen_at TEXT, revoked_at TEXT)",
        "CREATE TABLE IF NOT EXISTS grants (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), employer_code TEXT NOT NULL REFERENCES employers(code), role TEXT NOT NULL, valid_from TEXT, valid_to TEXT, created_at TEXT NOT NULL, UNIQUE (user_id, employer_code, role))",
        "CREATE TABLE IF NOT EXISTS payroll_months (employer_code TEXT NOT NULL REFERENCES employers(code), month TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (employer_code, month))",
        "CREATE TABLE IF NOT EXISTS dossiers (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), number TEXT NOT NULL, niss TEXT NOT NULL, last_name TEXT NOT NULL, first_name TEXT NOT NULL, birth_date TEXT NOT NULL, sex TEXT NOT NULL, language TEXT NOT NULL, address TEXT, iban TEXT, category TEXT NOT NULL, grade TEXT, regime_percent TEXT NOT NULL, start_date TEXT NOT NULL, status TEXT NOT NULL, payroll_clerk TEXT, version BIGINT NOT NULL, deleted_at TEXT, UNIQUE (employer_code, number))",
        "CREATE TABLE IF NOT EXISTS time_records (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), kind TEXT NOT NULL, type_code TEXT, start_date TEXT NOT NULL, end_date TEXT NOT NULL, day_part TEXT NOT NULL, start_minute TEXT, end_minute TEXT, minutes TEXT, certificate_received TEXT NOT NULL, status TEXT NOT NULL, entered_by TEXT NOT NULL, version BIGINT NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS notes (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), author TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL, version BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS change_log (seq BIGINT PRIMARY KEY, scope TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL, version BIGINT NOT NULL, row_json TEXT, mutation TEXT, target_user TEXT)",
        "CREATE TABLE IF NOT EXISTS mutations (client_id TEXT NOT NULL, mutation_id BIGINT NOT NULL, uuid TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, result TEXT NOT NULL, seq BIGINT, created_at TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id))",
        "CREATE TABLE IF NOT EXISTS audit (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, user_id TEXT, device_id TEXT, action TEXT NOT NULL, decision TEXT NOT NULL, employer_code TEXT, entity TEXT, entity_id TEXT, field TEXT, old_value TEXT, new_value TEXT)",
        // Review of time records; the person an account belongs to (four-eyes rule); art. 60 follow-up.
        "ALTER TABLE time_records ADD COLUMN IF NOT EXISTS reviewed_by TEXT",
        "ALTER TABLE time_records ADD COLUMN IF NOT EXISTS rejection_reason TEXT",
        "ALTER TABLE users ADD COLUMN IF NOT EXISTS niss TEXT",
        "CREATE TABLE IF NOT EXISTS art60_events (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), contract_id TEXT NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL, placement_id TEXT, note TEXT NOT NULL, recorded_by TEXT NOT NULL, version BIGINT NOT NULL)",
        // The language a user reads (sent to replicas with the user's name).
        "ALTER TABLE users ADD COLUMN IF NOT EXISTS language TEXT NOT NULL DEFAULT 'fr'",
        // Refresh-token rotation with reuse detection (see `Authenticator.refresh`).
        "ALTER TABLE devices ADD COLUMN IF NOT EXISTS previous_refresh_hash TEXT",
        "ALTER TABLE devices ADD COLUMN IF NOT EXISTS tokens_used BIGINT NOT NULL DEFAULT 1",
        // What a dossier's career and art. 60 tabs show, scoped and versioned like dossiers.
        "CREATE TABLE IF NOT EXISTS career_periods (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), start_date TEXT NOT NULL, end_date TEXT, grade TEXT NOT NULL, scale TEXT NOT NULL, regime BIGINT NOT NULL, schedule TEXT NOT NULL, category TEXT NOT NULL, version BIGINT NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), name TEXT NOT NULL, kind TEXT NOT NULL, enterprise_number TEXT, address TEXT, contact_name TEXT, active BIGINT NOT NULL DEFAULT 1, version BIGINT NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS art60_contracts (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), dossier_id TEXT NOT NULL REFERENCES dossiers(id), start_date TEXT NOT NULL, end_date TEXT, end_reason TEXT, planned_end TEXT, regime BIGINT NOT NULL, officer_id TEXT, version BIGINT NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS placements (id TEXT PRIMARY KEY, employer_code TEXT NOT NULL REFERENCES employers(code), contract_id TEXT NOT NULL REFERENCES art60_contracts(id), partner_id TEXT NOT NULL REFERENCES partners(id), start_date TEXT NOT NULL, end_date TEXT, agreement_signed_on TEXT, monthly_fee_cents BIGINT NOT NULL, tasks TEXT NOT NULL, hours_per_week TEXT NOT NULL, supervisor_name TEXT, version BIGINT NOT NULL, deleted_at TEXT)",
        // A dossier's time manager, pay seniority date and end date, as the replica keeps them.
        "ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS time_manager TEXT",
        "ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS pay_seniority_date TEXT",
        "ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS end_date TEXT",
        // Identical read decisions of one device within a batch are one row: how many, until when.
        "ALTER TABLE audit ADD COLUMN IF NOT EXISTS repeats BIGINT NOT NULL DEFAULT 1",
        "ALTER TABLE audit ADD COLUMN IF NOT EXISTS last_at TEXT",
    ] + ServerSchema.indexes + ServerSchema.authGeneration + [
        // Created once (not replaced at every start: replacing a trigger locks its table).
        """
        DO $do$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'fiche_bump_auth_generation'
                           AND pronamespace = current_schema()::regnamespace) THEN
                CREATE FUNCTION fiche_bump_auth_generation() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN UPDATE auth_generation SET value = value + 1 WHERE id = 1; RETURN NULL; END $fn$;
            END IF;
        END $do$
        """,
    ] + ServerSchema.authTables.map { table in
        """
        DO $do$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '\(table)_auth_generation'
                           AND tgrelid = '\(table)'::regclass) THEN
                CREATE TRIGGER \(table)_auth_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION fiche_bump_auth_generation();
            END IF;
        END $do$
        """
    } + ServerSchema.loginThrottle + [
        // Corrections of validated entries: the entry replaced, whether it only cancels, and the
        // open month a correction touching a closed one is booked in.
        "ALTER TABLE time_records ADD COLUMN IF NOT EXISTS replaces_id TEXT",
        "ALTER TABLE time_records ADD COLUMN IF NOT EXISTS cancellation TEXT",
        "ALTER TABLE time_records ADD COLUMN IF NOT EXISTS correction_month TEXT",
        // A changed IBAN waits for a second person's confirmation before it is paid to.
        "ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS pending_iban TEXT",
        "ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS pending_iban_by TEXT",
    ] + ServerSchema.addedTimeRecordColumns(ifNotExists: true) + [
        // Days acquired toward the art. 60 target before the contract.
        "ALTER TABLE art60_contracts ADD COLUMN IF NOT EXISTS prior_days BIGINT NOT NULL DEFAULT 0",
        // A note its author edited (when), or erased: the text emptied, the row kept as a tombstone.
        "ALTER TABLE notes ADD COLUMN IF NOT EXISTS edited_at TEXT",
        "ALTER TABLE notes ADD COLUMN IF NOT EXISTS deleted_at TEXT",
    ]
}
