import Foundation
import GRDB

extension AppDatabase {
    /// Writes the outbox rows the server never answered to `path` as JSON lines (mode 0600),
    /// for a supervisor to re-enter: one object per mutation with its fields' `{old, new}`.
    ///
    /// - Parameter employerCode: only that employer's mutations (an employer the user lost).
    /// - Returns: how many mutations were written (0: no file is created).
    @discardableResult
    public func exportUnsentMutations(to path: String, employerCode: String? = nil) throws -> Int {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = o.id)
                AND (? IS NULL OR o.employer_code = ?)
                ORDER BY id
                """, arguments: [employerCode, employerCode])
        }
        // An employer the user lost: its entries the server refused or found in conflict are
        // written too, with what was typed (from the local history), since they leave the list.
        let refused = try employerCode.map { employer in
            try writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT r.mutation_id, r.uuid, r.mutation, r.entity, r.target_id, r.employer_code, r.status, r.reason,
                           a.changes, a.at, a.user_id
                    FROM mutation_result r LEFT JOIN audit a ON a.mutation_id = r.mutation_id
                    WHERE r.employer_code = ? AND r.status IN ('rejected', 'conflict') ORDER BY r.mutation_id
                    """, arguments: [employer])
            }
        } ?? []
        guard !rows.isEmpty || !refused.isEmpty else { return 0 }
        var text = ""
        for row in refused {
            text += try Self.exportLine(row, id: "mutation_id", createdAt: "at", createdBy: "user_id", payload: "changes",
                                        extra: ["status", "reason"])
        }
        for row in rows {
            text += try Self.exportLine(row, id: "id", createdAt: "created_at", createdBy: "created_by", payload: "payload")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ReplicaError.unreadable(path: path, detail: "cannot write the export of unsent changes")
        }
        return rows.count + refused.count
    }

    /// One exported mutation as a JSON line. A payload that is not JSON is kept as its text:
    /// nothing typed is left out of the file.
    private static func exportLine(_ row: Row, id: String, createdAt: String, createdBy: String, payload: String,
                                   extra: [String] = []) throws -> String {
        let stored = (row[payload] as String?) ?? "{}"
        // try?: "is it JSON?"; a payload that is not is exported as its text, so nothing typed is left out.
        let parsed: Any = (try? JSONSerialization.jsonObject(with: Data(stored.utf8))) ?? stored
        var object: [String: Any] = [
            "id": (row[id] as Int64?) ?? 0, "payload": parsed,
            "created_at": (row[createdAt] as String?) ?? "", "created_by": (row[createdBy] as String?) ?? "",
        ]
        for column in ["uuid", "mutation", "entity", "target_id", "employer_code"] + extra {
            object[column] = (row[column] as String?) ?? ""
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Erases everything the revoked device held — rows of every employer, the outbox, results,
    /// local history and sync state — in ONE transaction. Export the outbox first.
    public func wipeAfterRevocation() throws {
        try write { db in
            try db.execute(sql: "INSERT INTO dossier_search (dossier_search) VALUES ('delete-all')")
            try db.execute(sql: "DELETE FROM dossier_list")
            for table in Self.scopedTables + ["employer", "outbox", "mutation_result", "audit", "sent_journal"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try db.execute(sql: """
                UPDATE sync_state SET client_id = NULL, user_id = NULL, pull_cursor = NULL, initial_sync_token = NULL,
                    last_push_at = NULL, last_pull_at = NULL, last_error = NULL WHERE id = 1
                """)
            try db.execute(sql: "DELETE FROM replica_meta WHERE key LIKE 'sync.%'")
        }
    }
}
