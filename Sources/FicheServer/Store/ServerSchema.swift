/// Facts about the schema that both stores share.
enum ServerSchema {
    /// Every table, in an order that can be emptied front to back.
    static let tables = [
        "audit", "mutations", "change_log", "art60_events", "notes", "time_records", "dossiers", "payroll_months",
        "grants", "devices", "users", "employers", "server_settings", "sync_clock",
    ]

    /// The indexes the shared queries rely on, in SQL both stores accept: one list, so a
    /// query cannot be fast on one store and scan on the other.
    static let indexes = [
        "CREATE INDEX IF NOT EXISTS dossiers_scope ON dossiers (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS time_records_dossier ON time_records (dossier_id, start_date)",
        "CREATE INDEX IF NOT EXISTS time_records_scope ON time_records (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS notes_scope ON notes (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS art60_events_scope ON art60_events (employer_code, id)",
        "CREATE INDEX IF NOT EXISTS time_records_scope_status ON time_records (employer_code, status, start_date)",
        "CREATE INDEX IF NOT EXISTS grants_user ON grants (user_id)",
        "CREATE INDEX IF NOT EXISTS devices_user ON devices (user_id)",
        "CREATE INDEX IF NOT EXISTS change_log_target ON change_log (target_user, seq)",
        "CREATE INDEX IF NOT EXISTS audit_at ON audit (at)",
    ]
}
