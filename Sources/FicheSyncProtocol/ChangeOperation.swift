/// What a change-log entry does to the replica.
public enum ChangeOperation: String, Codable, Sendable, Hashable {
    /// Insert or replace the row if `version` ≥ the stored one.
    case upsert
    /// Tombstone: delete the row.
    case delete
    /// The caller lost access to the employer (`scope`): delete all its rows, keep the outbox.
    case scopeRemoved = "scope_removed"
    /// The caller gained or changed access to `scope`: fetch `GET /v1/sync/snapshot?employer=…`.
    case scopeAdded = "scope_added"
}
