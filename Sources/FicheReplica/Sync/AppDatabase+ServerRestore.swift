import Foundation
import GRDB

extension AppDatabase {
    /// How long a change the server applied is kept in `sent_journal` after its answer: a
    /// server restored from a backup up to this old gets it pushed again.
    public static let sentJournalDays = 30

    /// Records the identity of the server's database the first time it is seen.
    public func recordServerIdentity(_ identity: String) throws {
        try write { db in try Self.setMeta(db, "sync.server_identity", identity) }
    }

    /// The highest mutation id the server applied for this replica's current device, as its
    /// answers said (the journal keeps every applied answer). A server that later reports a
    /// lower last mutation id lost acknowledged changes: its database was restored.
    public func highestAppliedMutationID() throws -> Int64 {
        try writer.read { db in
            let state = try Self.syncState(db)
            return try Int64.fetchOne(db, sql: "SELECT MAX(wire_id) FROM sent_journal WHERE client_id = ?",
                                      arguments: [state.clientID]) ?? 0
        }
    }

    /// Starts over after the server's database was restored from an older backup (or
    /// replaced), in ONE transaction, keeping every change typed here:
    ///
    /// - the changes the server may have lost go back into the outbox: applied ones still in
    ///   the outbox or in `sent_journal` whose mutation id is above what the server now holds
    ///   for this device (all of them when this replica changed device since), then the unsent
    ///   ones, in the order they were made. They get new outbox ids after every id used so
    ///   far, numbered for the server from its last mutation id on, so a push never meets a
    ///   gap. A change the server still holds is answered from its record by its uuid and is
    ///   never applied twice;
    /// - their earlier answers are forgotten (new ones come with the push), the audit follows
    ///   the new ids;
    /// - the pull cursor and the read-your-writes checkpoint go back to 0 and the initial copy
    ///   starts again (the rows held are replaced by the next snapshot, as after a 410);
    /// - the server's new identity is recorded.
    ///
    /// - Returns: how many changes the server had acknowledged go back into the outbox.
    @discardableResult
    public func startOverAfterRestore(serverIdentity: String?, serverLastMutationID: Int64) throws -> Int {
        try write { db in
            let state = try Self.syncState(db)
            let base = state.mutationBase
            let lostAnswers = try Int64.fetchAll(db, sql: """
                SELECT r.mutation_id FROM mutation_result r JOIN outbox o ON o.id = r.mutation_id
                WHERE r.status = 'applied' AND r.mutation_id - ? > ?
                """, arguments: [base, serverLastMutationID])
            for id in lostAnswers {
                try db.execute(sql: "DELETE FROM mutation_result WHERE mutation_id = ?", arguments: [id])
            }
            let journal = try Row.fetchAll(db, sql: """
                SELECT * FROM sent_journal j
                WHERE (j.client_id IS NOT ? OR j.wire_id > ?) AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.uuid = j.uuid)
                ORDER BY j.id
                """, arguments: [state.clientID, serverLastMutationID])
            let unsent = try Row.fetchAll(db, sql: """
                SELECT * FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = o.id)
                ORDER BY id
                """)
            for row in unsent {
                try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [row["id"] as Int64])
            }
            var firstNew: Int64?
            for row in (journal + unsent).sorted(by: { ($0["id"] as Int64) < ($1["id"] as Int64) }) {
                let oldID: Int64 = row["id"]
                try db.execute(sql: """
                    INSERT INTO outbox (uuid, mutation, entity, target_id, employer_code, base_version, payload, wire, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [row["uuid"], row["mutation"], row["entity"], row["target_id"], row["employer_code"],
                                     row["base_version"], row["payload"], row["wire"], row["created_at"], row["created_by"]])
                let newID = db.lastInsertedRowID
                firstNew = firstNew ?? newID
                try db.execute(sql: "UPDATE audit SET mutation_id = ? WHERE mutation_id = ?", arguments: [newID, oldID])
                try db.execute(sql: "DELETE FROM mutation_result WHERE mutation_id = ?", arguments: [oldID])
                try db.execute(sql: "DELETE FROM sent_journal WHERE uuid = ?", arguments: [row["uuid"] as String])
            }
            let next = try firstNew ?? ((Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'") ?? 0) + 1)
            try Self.setMeta(db, "sync.mutation_base", String(next - 1 - serverLastMutationID))
            try Self.setMeta(db, "sync.ack_checkpoint", nil)
            try Self.setMeta(db, "sync.initial_done", nil)
            try Self.setMeta(db, "sync.server_identity", serverIdentity)
            try db.execute(sql: "UPDATE sync_state SET pull_cursor = '0', initial_sync_token = NULL WHERE id = 1")
            return lostAnswers.count + journal.count
        }
    }

    // MARK: Inside the write transaction

    /// Keeps a copy of an outbox row the server applied (`sent_journal`).
    static func journal(_ db: Database, outboxID: Int64, clientID: String?, wireID: Int64, at date: Date) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO sent_journal
                (id, uuid, mutation, entity, target_id, employer_code, base_version, payload, wire, created_at, created_by,
                 client_id, wire_id, answered_at)
            SELECT id, uuid, mutation, entity, target_id, employer_code, base_version, payload, wire, created_at, created_by,
                   ?, ?, ? FROM outbox WHERE id = ?
            """, arguments: [clientID, wireID, timestamp(date), outboxID])
        // A note erased on this device before this change of it was answered: its text goes.
        if let note = try String.fetchOne(db, sql: "SELECT target_id FROM sent_journal WHERE id = ? AND entity = 'note'",
                                          arguments: [outboxID]),
           try noteIsErased(db, note) {
            try forgetNoteTexts(db, note)
        }
    }

    /// Forgets journal rows answered more than `sentJournalDays` ago.
    static func pruneJournal(_ db: Database, now: Date) throws {
        let horizon = timestamp(now.addingTimeInterval(-Double(sentJournalDays) * 86_400))
        try db.execute(sql: "DELETE FROM sent_journal WHERE answered_at < ?", arguments: [horizon])
    }
}
