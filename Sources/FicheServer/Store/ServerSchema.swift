import FicheSyncProtocol
import Foundation

/// Facts about the schema that both stores share.
enum ServerSchema {
    /// Every table, in an order that can be emptied front to back.
    static let tables = [
        "audit", "mutations", "change_log", "placements", "partners", "art60_contracts", "career_periods", "art60_events",
        "notes", "time_records", "dossiers", "payroll_months",
        "grants", "devices", "users", "employers", "server_settings", "sync_clock", "login_throttle",
    ]

    /// Records the schema level a `migrate` brought the store to; a newer build's higher level
    /// is kept (a rolling upgrade migrates before the old instances stop).
    static func recordLevel(_ level: Int, in tx: any StoreTransaction) async throws {
        let held = try await tx.first("SELECT value FROM server_settings WHERE key = 'schema.level'")?.string("value")
        guard (held.flatMap { Int($0) } ?? 0) < level else { return }
        try await tx.execute(
            "INSERT INTO server_settings (key, value) VALUES ('schema.level', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(String(level))])
    }

    /// The `server_settings` key of the store's identity: a random UUID written by the first
    /// `migrate` and replaced by `fiche-server reset-identity`.
    static let identityKey = "store.identity"

    /// Writes a random identity unless the store holds one (every `migrate`).
    static func ensureIdentity(in tx: any StoreTransaction) async throws {
        try await tx.execute("INSERT INTO server_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                             [.text(identityKey), .text(UUID().uuidString.lowercased())])
    }

    /// Replaces the identity with a new random one and returns it (`fiche-server reset-identity`,
    /// after a restore the store cannot notice itself, and `eraseAllData`).
    @discardableResult
    static func resetIdentity(in tx: any StoreTransaction) async throws -> String {
        let identity = UUID().uuidString.lowercased()
        try await tx.execute(
            "INSERT INTO server_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(identityKey), .text(identity)])
        return identity
    }

    /// The SQL expression of the identity the server reports with every pull (`head` and
    /// `server_identity`), read in the same statement as the clock: `clock` names the
    /// `sync_clock` row of that statement's FROM.
    ///
    /// On PostgreSQL it also holds the object id of the `sync_clock` table (its `tableoid`
    /// column, read with the row at no cost): `pg_restore` creates the tables again, so a
    /// restored database — into the same database with `--clean` or into a new one — reports
    /// another identity even though its `server_settings` row came back from the dump, and even
    /// when the administrator forgets `reset-identity`. (`pg_upgrade` keeps table oids; a
    /// data-only restore does not change them, hence `reset-identity`.) A SQLite file copied
    /// back reports the identity it was saved with: there the replicas notice a restore by
    /// their cursor, or the administrator runs `reset-identity`.
    static func identitySQL(_ backend: String, clock: String = "c") -> String {
        let stored = "COALESCE((SELECT value FROM server_settings WHERE key = '\(identityKey)'), '')"
        guard backend == "postgresql" else { return stored }
        return "\(stored) || '.' || \(clock).tableoid::text"
    }

    /// Whether the store answers and its schema is at least this build's level: what `/ready`
    /// reports (nil when ready, else why not, for the operator).
    static func notReady(_ store: any ServerStore) async -> String? {
        let wanted = store.schemaLevel
        do {
            let held = try await store.read { tx in
                try await tx.first("SELECT value FROM server_settings WHERE key = 'schema.level'")?.string("value")
            }
            let level = held.flatMap { Int($0) } ?? 0
            if level < wanted {
                return "the \(store.backend) schema is at level \(level), this server needs \(wanted): run fiche-server migrate"
            }
            return nil
        } catch {
            return "the \(store.backend) store does not answer"
        }
    }

    /// The login counters (`LoginThrottle`), in SQL both stores accept: kept in the database so
    /// they hold across restarts and server instances. `last_at` in milliseconds since 1970.
    static let loginThrottle = [
        "CREATE TABLE IF NOT EXISTS login_throttle (key TEXT PRIMARY KEY, failures BIGINT NOT NULL, last_at BIGINT NOT NULL)",
    ]

    /// The indexes the shared queries rely on, in SQL both stores accept: one list, so a
    /// query cannot be fast on one store and scan on the other.
    /// The `time_records` columns the statements of both stores create by name; every other
    /// column of `RecordTimeRecord.columns` is added by `addedTimeRecordColumns` (as text, like
    /// every value of a time record), so a new field needs no statement here.
    static let namedTimeRecordColumns: Set<String> = [
        "id", "employer_code", "dossier_id", "kind", "type_code", "start_date", "end_date", "day_part", "start_minute",
        "end_minute", "minutes", "certificate_received", "status", "entered_by", "reviewed_by", "rejection_reason",
        "replaces_id", "cancellation", "correction_month",
    ]

    /// `ALTER TABLE time_records ADD COLUMN …` for each column of `RecordTimeRecord.columns` the
    /// named statements do not create, in the description's order: appended last to both stores'
    /// statements, so a new column raises the schema level and an instance of the build before
    /// keeps working (it never names the column). `ifNotExists` for PostgreSQL; SQLite's
    /// `migrate()` skips a column that exists.
    static func addedTimeRecordColumns(ifNotExists: Bool) -> [String] {
        RecordTimeRecord.columns.filter { !namedTimeRecordColumns.contains($0.name) }.map {
            "ALTER TABLE time_records ADD COLUMN \(ifNotExists ? "IF NOT EXISTS " : "")\($0.name) TEXT"
        }
    }

    static let indexes = [
        "CREATE INDEX IF NOT EXISTS dossiers_scope ON dossiers (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS time_records_dossier ON time_records (dossier_id, start_date)",
        "CREATE INDEX IF NOT EXISTS time_records_scope ON time_records (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS notes_scope ON notes (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS art60_events_scope ON art60_events (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS career_periods_scope ON career_periods (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS partners_scope ON partners (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS art60_contracts_scope ON art60_contracts (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS placements_scope ON placements (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS time_records_scope_status ON time_records (employer_code, status, start_date)",
        "CREATE INDEX IF NOT EXISTS grants_user ON grants (user_id)",
        "CREATE INDEX IF NOT EXISTS devices_user ON devices (user_id)",
        "CREATE INDEX IF NOT EXISTS change_log_target ON change_log (target_user, seq)",
        "CREATE INDEX IF NOT EXISTS audit_at ON audit (at)",
        "CREATE INDEX IF NOT EXISTS devices_previous_refresh ON devices (previous_refresh_hash)",
        "CREATE INDEX IF NOT EXISTS mutations_uuid ON mutations (uuid)",
        "CREATE INDEX IF NOT EXISTS career_periods_dossier ON career_periods (dossier_id)",
    ]

    /// A counter that moves whenever a row of `devices`, `users` or `grants` changes (a token
    /// refreshed or revoked, a push's last mutation id, an account disabled, a grant added or
    /// removed), whoever makes the change: this server, another instance, or a CLI command.
    /// Each store's triggers bump it in the changing transaction. A caller cached by
    /// `CallerCache` is used only while a reading of this counter taken after the request
    /// arrived still equals the one read with the cached rows.
    static let authGeneration = [
        "CREATE TABLE IF NOT EXISTS auth_generation (id BIGINT PRIMARY KEY, value BIGINT NOT NULL)",
        "INSERT INTO auth_generation (id, value) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
    ]

    /// The tables whose changes move `auth_generation`.
    static let authTables = ["devices", "users", "grants"]
}
