import Foundation
import GRDB

extension AppDatabase {
    /// Where replication stands for this replica: who it syncs as, how far it has pulled, and
    /// how far its initial sync has gone. Read by the sync engine and by `fiche sync --status`.
    public struct SyncState: Sendable, Hashable {
        /// The device id the server numbers this replica's mutations under.
        public var clientID: String?
        public var userID: String?
        /// Change-log sequence the replica has applied up to (never decreases).
        public var pullCursor: Int64
        /// Continuation token of an unfinished initial sync (resume from it).
        public var snapshotToken: String?
        /// True once the first full copy is in; until then screens show progress, not rows.
        public var initialSyncDone: Bool
        /// Outbox id minus this number is the mutation id the server sees (ids restart at 1 per device).
        public var mutationBase: Int64
        /// Applied mutations stay in the outbox until the cursor reaches this sequence (read-your-writes).
        public var acknowledgedCheckpoint: Int64
        /// Employers granted since the last pull whose rows are still being fetched, with their token.
        public var pendingScopeFetches: [String: String]
        /// The identity of the server's database as last seen (`PullResponse.serverIdentity`).
        public var serverIdentity: String?
        public var lastPushAt: String?
        public var lastPullAt: String?
        public var lastError: String?
    }

    /// The replica's sync bookkeeping.
    public func syncState() throws -> SyncState {
        try writer.read { db in try Self.syncState(db) }
    }

    /// Binds the replica to a device after a sign-in. A new device numbers its mutations from 1,
    /// so the outbox ids of this replica are offset: the first unsent entry becomes mutation 1.
    public func bindSyncDevice(clientID: String, userID: String) throws {
        try write { db in
            let state = try Self.syncState(db)
            guard state.clientID != clientID else {
                if state.userID != userID {
                    try db.execute(sql: "UPDATE sync_state SET user_id = ? WHERE id = 1", arguments: [userID])
                }
                return
            }
            let firstUnsent = try Int64.fetchOne(db, sql: """
                SELECT min(o.id) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = o.id)
                """)
            let lastEver = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'") ?? 0
            let base = (firstUnsent ?? (lastEver + 1)) - 1
            try db.execute(sql: "UPDATE sync_state SET client_id = ?, user_id = ? WHERE id = 1", arguments: [clientID, userID])
            try Self.setMeta(db, "sync.mutation_base", String(base))
        }
    }

    /// Records the outcome of a sync attempt for the status badge (`error` nil = success).
    public func recordSyncAttempt(pushed: Bool, pulled: Bool, error: String?, at date: Date? = nil) throws {
        let date = date ?? clock.now()
        return try write { db in
            let now = Self.timestamp(date)
            if pushed { try db.execute(sql: "UPDATE sync_state SET last_push_at = ? WHERE id = 1", arguments: [now]) }
            if pulled { try db.execute(sql: "UPDATE sync_state SET last_pull_at = ? WHERE id = 1", arguments: [now]) }
            try db.execute(sql: "UPDATE sync_state SET last_error = ? WHERE id = 1", arguments: [error])
        }
    }

    static func syncState(_ db: Database) throws -> SyncState {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE id = 1")
        let meta = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM replica_meta WHERE key LIKE 'sync.%'")
            .map { (row: Row) -> (String, String) in (row["key"], row["value"]) })
        var fetches: [String: String] = [:]
        for (key, value) in meta where key.hasPrefix("sync.scope_fetch.") {
            fetches[String(key.dropFirst("sync.scope_fetch.".count))] = value
        }
        let cursorText: String? = row?["pull_cursor"]
        return SyncState(
            clientID: row?["client_id"], userID: row?["user_id"], pullCursor: cursorText.flatMap { Int64($0) } ?? 0,
            snapshotToken: row?["initial_sync_token"], initialSyncDone: meta["sync.initial_done"] == "1",
            mutationBase: meta["sync.mutation_base"].flatMap { Int64($0) } ?? 0,
            acknowledgedCheckpoint: meta["sync.ack_checkpoint"].flatMap { Int64($0) } ?? 0,
            pendingScopeFetches: fetches, serverIdentity: meta["sync.server_identity"], lastPushAt: row?["last_push_at"], lastPullAt: row?["last_pull_at"],
            lastError: row?["last_error"])
    }

    static func setMeta(_ db: Database, _ key: String, _ value: String?) throws {
        if let value {
            try db.execute(sql: "INSERT INTO replica_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM replica_meta WHERE key = ?", arguments: [key])
        }
    }
}
