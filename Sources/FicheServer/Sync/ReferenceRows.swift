import FicheSyncProtocol

/// The reference rows a replica needs to check its own writes and show names: an employer, the
/// users who hold a grant there and the grants there. One shape for the change log and the
/// snapshot; a user row never carries a password hash, a token or a NISS.
enum ReferenceRows {
    /// Snapshot sources: (entity, table expression, keyset column). A user granted at two
    /// employers appears once per employer, so users page on `employer_code/id`.
    static let snapshotSources: [(entity: SyncEntity, table: String, key: String)] = [
        (.employer, """
            (SELECT code AS id, code AS employer_code, kind, name_fr, name_nl, holiday_calendar_id, payroll_cutoff_day
             FROM employers) ref_employers
            """, "id"),
        (.user, """
            (SELECT g.employer_code || '/' || u.id AS page_key, u.id, g.employer_code, u.login, u.display_name, u.language
             FROM users u JOIN (SELECT DISTINCT user_id, employer_code FROM grants) g ON g.user_id = u.id) ref_users
            """, "page_key"),
        (.grant, "(SELECT id, user_id, employer_code, role, valid_from, valid_to FROM grants) ref_grants", "id"),
    ]

    static func employer(_ code: String, in tx: any StoreTransaction) async throws -> [String: String?]? {
        try await tx.first("""
            SELECT code AS id, code AS employer_code, kind, name_fr, name_nl, holiday_calendar_id, payroll_cutoff_day
            FROM employers WHERE code = ?
            """, [.text(code)])?.fields()
    }

    static func user(_ id: String, at employer: String, in tx: any StoreTransaction) async throws -> [String: String?]? {
        guard var row = try await tx.first("SELECT id, login, display_name, language FROM users WHERE id = ?",
                                           [.text(id)])?.fields() else { return nil }
        row["employer_code"] = .some(employer)
        return row
    }

    static func grant(_ id: String, in tx: any StoreTransaction) async throws -> [String: String?]? {
        try await tx.first("SELECT id, user_id, employer_code, role, valid_from, valid_to FROM grants WHERE id = ?",
                           [.text(id)])?.fields()
    }
}
