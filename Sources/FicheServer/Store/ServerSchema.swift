/// Facts about the schema that both stores share.
enum ServerSchema {
    /// Every table, in an order that can be emptied front to back.
    static let tables = [
        "audit", "mutations", "change_log", "notes", "time_records", "dossiers", "payroll_months",
        "grants", "devices", "users", "employers", "server_settings", "sync_clock",
    ]
}
