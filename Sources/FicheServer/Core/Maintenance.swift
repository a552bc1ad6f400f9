/// Store-wide operations: compaction of the change log, the store identity.
public struct Maintenance: Sendable {
    public let store: any ServerStore

    public init(store: any ServerStore) {
        self.store = store
    }

    /// Deletes change-log entries with a sequence below `before`; a client whose cursor is
    /// older than `before - 1` then gets HTTP 410 and takes a new snapshot.
    /// - Returns: the number of entries deleted.
    @discardableResult
    public func compact(before: Int64) async throws -> Int {
        try await store.write { tx in
            try await ChangeLog.lockClock(in: tx)
            guard let head = try await tx.first("SELECT seq FROM sync_clock WHERE id = 1")?.int("seq") else { return 0 }
            guard before >= 1, before <= head + 1 else {
                throw CommandError("--before must be between 1 and \(head + 1) (the next sequence)")
            }
            let count = try await tx.first("SELECT COUNT(*) AS n FROM change_log WHERE seq < ?", [.int(before)])?.int("n") ?? 0
            try await tx.execute("DELETE FROM change_log WHERE seq < ?", [.int(before)])
            try await tx.execute("UPDATE sync_clock SET horizon = ? WHERE id = 1 AND horizon < ?", [.int(before - 1), .int(before - 1)])
            return Int(count)
        }
    }

    /// Gives the store a new identity (after restoring a backup the store cannot tell from
    /// the original: a SQLite file copied back, a data-only `pg_restore`). Every replica then
    /// takes a fresh copy at its next sync and pushes again what the restore lost.
    /// - Returns: the new identity.
    public func resetIdentity() async throws -> String {
        try await store.write { tx in
            try await ChangeLog.lockClock(in: tx)
            return try await ServerSchema.resetIdentity(in: tx)
        }
    }

    /// The identity the server reports with every pull (`ServerSchema.identitySQL`).
    public func identity() async throws -> String {
        let sql = "SELECT \(ServerSchema.identitySQL(store.backend)) AS store_identity FROM sync_clock c WHERE c.id = 1"
        return try await store.read { tx in try await tx.first(sql)?.string("store_identity") ?? "" }
    }
}
