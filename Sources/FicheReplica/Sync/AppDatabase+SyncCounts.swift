import GRDB

extension AppDatabase {
    /// What the status badge counts: changes waiting for the server, and answers that need a person.
    public struct SyncCounts: Sendable, Hashable {
        /// Outbox rows the server has not answered.
        public var pending: Int
        /// ISO 8601 time of the oldest of them.
        public var oldestPendingAt: String?
        /// Results the clerk must look at: conflicts (the server value changed meanwhile).
        public var conflicts: Int
        /// Results refused for good (rules, permissions).
        public var rejected: Int
    }

    /// The counts for the status badge and `fiche sync --status`.
    public func syncCounts() throws -> SyncCounts {
        try writer.read { db in
            let unsent = "FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = o.id)"
            return SyncCounts(
                pending: try Int.fetchOne(db, sql: "SELECT count(*) \(unsent)") ?? 0,
                oldestPendingAt: try String.fetchOne(db, sql: "SELECT min(created_at) \(unsent)"),
                conflicts: try Int.fetchOne(db, sql: "SELECT count(*) FROM mutation_result WHERE status = 'conflict'") ?? 0,
                rejected: try Int.fetchOne(db, sql: "SELECT count(*) FROM mutation_result WHERE status = 'rejected'") ?? 0)
        }
    }
}
