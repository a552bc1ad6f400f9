import FicheDomain
import Foundation
import GRDB

extension AppDatabase {
    /// Writes one page of an initial sync (or of an employer fetch after a new grant) and its
    /// continuation token in ONE transaction, so a crash resumes at the next page.
    ///
    /// - Parameters:
    ///   - scope: nil for the initial sync; an employer code for the fetch that follows `scope_added`.
    ///   - nextToken: the token to ask for the next page with; ignored when `done`.
    ///   - pinnedSeq: the sequence the snapshot was taken at; after the last page of the initial
    ///     sync the pull cursor starts there.
    public func applySnapshotPage(_ rows: [SyncedRow], scope: String?, nextToken: String?, pinnedSeq: Int64,
                                  done: Bool) throws {
        try write { db in
            if let scope {
                let key = "sync.scope_fetch.\(scope)"
                // A grant removed while fetching cancels the fetch: its rows must not come back.
                guard try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = ?", arguments: [key]) != nil else { return }
                for row in rows where row.employerCode == scope { try Self.writeSynced(db, row) }
                try Self.setMeta(db, key, done ? nil : (nextToken ?? ""))
            } else {
                let state = try Self.syncState(db)
                if state.snapshotToken == nil && !state.initialSyncDone {
                    // The first page of a fresh copy: what the replica held before (an earlier copy,
                    // before a 410) may include employers no longer granted; the copy brings back
                    // exactly the current ones. The outbox stays.
                    try Self.clearAllScopes(db)
                    try Self.setAsideMirrorIndexes(db)
                }
                // Thousands of rows per page into several tables: a larger page cache for the copy
                // (not while the last page builds the indexes: SQLite sorts their keys in runs of
                // the cache's size, and runs of 64 MB sort slower than merged runs of 2 MB).
                try db.execute(sql: done ? "PRAGMA cache_size = -2000" : "PRAGMA cache_size = -65536")
                // The copy writes the mirror only: the working view, the list and its search index
                // are built once, with the last page (no partial list is ever shown: until then
                // the list is empty).
                var mirror = SyncedMirrorWriter()
                for row in rows { try mirror.write(row, in: db) }
                if done {
                    try Self.finishInitialCopy(db)
                    let state = try Self.syncState(db)
                    try db.execute(sql: "UPDATE sync_state SET initial_sync_token = NULL, pull_cursor = ? WHERE id = 1",
                                   arguments: [String(max(state.pullCursor, pinnedSeq))])
                    try Self.setMeta(db, "sync.initial_done", "1")
                    try Self.clearAcknowledged(db)
                } else {
                    try db.execute(sql: "UPDATE sync_state SET initial_sync_token = ? WHERE id = 1", arguments: [nextToken])
                }
            }
        }
    }

    /// Starts the initial sync again (after HTTP 410: the cursor is older than the server's
    /// log). The outbox and the rows already held are kept; the next snapshot overwrites them.
    public func restartInitialSync() throws {
        try write { db in
            try db.execute(sql: "UPDATE sync_state SET initial_sync_token = NULL WHERE id = 1")
            try Self.setMeta(db, "sync.initial_done", nil)
        }
    }

    /// Applies one pulled page and advances the cursor in ONE transaction: upserts only when
    /// the version is not older than the stored one, deletes, and scope events. The cursor never
    /// goes back. Applied outbox rows leave once the cursor reaches their write.
    ///
    /// - Returns: employers granted in this page, whose rows must now be fetched.
    @discardableResult
    public func applyPulledPage(_ changes: [SyncedChange], cursor: Int64, at date: Date? = nil) throws -> [String] {
        let date = date ?? clock.now()
        return try write { db in
            var added: [String] = []
            for change in changes {
                let row = change.row
                switch change.operation {
                case .upsert:
                    if try Self.scopeIsRemoved(db, row.employerCode) { continue }
                    try Self.writeSynced(db, row)
                case .delete:
                    try Self.deleteSynced(db, row)
                case .scopeRemoved:
                    try Self.removeScope(db, row.employerCode)
                    added.removeAll { $0 == row.employerCode }
                case .scopeAdded:
                    try Self.setMeta(db, "sync.scope_removed.\(row.employerCode)", nil)
                    try Self.setMeta(db, "sync.scope_fetch.\(row.employerCode)", "")
                    if !added.contains(row.employerCode) { added.append(row.employerCode) }
                }
            }
            // A grant that came or went (a role lost at an employer still held) may hide rows.
            if changes.contains(where: { $0.row.entity == "grant" || $0.operation == .scopeAdded }) {
                try Self.pruneToRights(db, at: date)
            }
            let state = try Self.syncState(db)
            try db.execute(sql: "UPDATE sync_state SET pull_cursor = ?, last_pull_at = ? WHERE id = 1",
                           arguments: [String(max(state.pullCursor, cursor)), Self.timestamp(date)])
            try Self.clearAcknowledged(db)
            return added
        }
    }

    /// Records the server's terminal results in `mutation_result` (the "needs attention" list
    /// for conflicts and rejections), then removes rejected and conflicting rows from the outbox.
    /// Applied rows stay until the pull cursor reaches their write, so the clerk never sees the
    /// old value in between. Idempotent: a replayed result changes nothing.
    public func recordMutationResults(_ results: [SyncedResult], at date: Date? = nil) throws {
        let date = date ?? clock.now()
        return try write { db in
            let state = try Self.syncState(db)
            var checkpoint = state.acknowledgedCheckpoint
            for result in results where ["applied", "rejected", "conflict"].contains(result.status) {
                let localID = result.serverMutationID + state.mutationBase
                guard let entry = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [localID]),
                      (entry["uuid"] as String?) == result.uuid
                else { continue }
                try db.execute(sql: """
                    INSERT OR IGNORE INTO mutation_result
                        (mutation_id, uuid, mutation, entity, target_id, employer_code, status, reason, server_value, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [localID, result.uuid, entry["mutation"], entry["entity"], entry["target_id"],
                                     entry["employer_code"], result.status, result.reason, result.serverValue,
                                     Self.timestamp(date)])
                if result.status == "applied" {
                    checkpoint = max(checkpoint, result.seq ?? 0)
                    try Self.journal(db, outboxID: localID, clientID: state.clientID, wireID: result.serverMutationID, at: date)
                } else {
                    try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [localID])
                    try Self.recomputeSynced(db, entity: entry["entity"], id: entry["target_id"], employerCode: entry["employer_code"])
                }
            }
            try Self.setMeta(db, "sync.ack_checkpoint", String(checkpoint))
            try Self.clearAcknowledged(db)
            try Self.pruneJournal(db, now: date)
        }
    }

    /// Outbox rows the server has not answered yet, oldest first (the push order).
    public func unsentMutations(limit: Int) throws -> [OutboxEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = o.id)
                ORDER BY id LIMIT ?
                """, arguments: [limit]).map(Self.outboxEntry)
        }
    }

    // MARK: Inside the write transaction

    /// Applied outbox rows leave once the cursor has reached every write they caused.
    static func clearAcknowledged(_ db: Database) throws {
        let state = try syncState(db)
        guard state.initialSyncDone, state.pullCursor >= state.acknowledgedCheckpoint else { return }
        let rows = try Row.fetchAll(db, sql: """
            SELECT o.id, o.entity, o.target_id, o.employer_code FROM outbox o
            JOIN mutation_result r ON r.mutation_id = o.id ORDER BY o.id
            """)
        for row in rows {
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [row["id"] as Int64])
            try recomputeSynced(db, entity: row["entity"], id: row["target_id"], employerCode: row["employer_code"])
        }
    }

    static func scopeIsRemoved(_ db: Database, _ employerCode: String) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = ?",
                            arguments: ["sync.scope_removed.\(employerCode)"]) != nil
    }

    /// Recomputes a working row, but never brings back a row of an employer the user lost, nor
    /// builds a person or dossier from changes alone when its mirror row is gone.
    static func recomputeSynced(_ db: Database, entity: String, id: String, employerCode: String) throws {
        if entity == "payroll_month" {
            if try scopeIsRemoved(db, employerCode), let key = WorkingView.payrollMonthKey(id) {
                try db.execute(sql: "DELETE FROM local_payroll_month WHERE employer_code = ? AND month = ?",
                               arguments: [key.employerCode, key.month])
                return
            }
            return try WorkingView.recomputePayrollMonth(db, id: id)
        }
        guard let table = WorkingView.tables[entity] else { return }
        let mirrorExists = try Row.fetchOne(db, sql: "SELECT 1 FROM \(table.name) WHERE id = ?", arguments: [id]) != nil
        let createdLocally = entity == "time_record" || entity == "art60_event" || entity == "note"
        if try scopeIsRemoved(db, employerCode) || (!mirrorExists && !createdLocally) {
            try db.execute(sql: "DELETE FROM local_\(table.name) WHERE id = ?", arguments: [id])
            if entity == "dossier" { try DossierListIndex.refresh(db, dossierIDs: [id]) }
            return
        }
        try WorkingView.recompute(db, entity: entity, id: id)
    }

    /// Deletes every row of an employer (mirror, overlay, list, search) and, unless
    /// `keepingLocalTables` (a fresh copy of employers still held), its local history, answers and
    /// outbox rows: the employer was lost, and `SyncSession` saved what was never applied first.
    static func removeScope(_ db: Database, _ employerCode: String, keepingLocalTables: Bool = false) throws {
        let listed = try Row.fetchAll(db, sql: """
            SELECT list_id, search_name, search_number, search_niss FROM dossier_list WHERE employer_code = ?
            """, arguments: [employerCode])
        for old in listed {
            try db.execute(sql: """
                INSERT INTO dossier_search (dossier_search, rowid, search_name, search_number, search_niss)
                VALUES ('delete', ?, ?, ?, ?)
                """, arguments: [old[0], old[1], old[2], old[3]])
        }
        try db.execute(sql: "DELETE FROM dossier_list WHERE employer_code = ?", arguments: [employerCode])
        // Users also granted at an employer still held stay (their row moves there).
        let users = try String.fetchAll(db, sql: """
            SELECT id FROM app_user WHERE employer_code = ? UNION SELECT user_id FROM user_grant WHERE employer_code = ?
            """, arguments: [employerCode, employerCode])
        try db.execute(sql: "DELETE FROM user_grant WHERE employer_code = ?", arguments: [employerCode])
        try reconcileUsers(db, ids: users)
        // The mirror and the local tables alike: the history, the server's answers and the
        // entries never sent (`SyncSession` exported those to a file first).
        for table in scopedTables + (keepingLocalTables ? [] : ["audit", "mutation_result", "outbox", "sent_journal"]) {
            try db.execute(sql: "DELETE FROM \(table) WHERE employer_code = ?", arguments: [employerCode])
        }
        try db.execute(sql: "DELETE FROM employer WHERE code = ?", arguments: [employerCode])
        try Art60ProjectionStore.dropOrphans(db)
        try setMeta(db, "sync.scope_fetch.\(employerCode)", nil)
        try setMeta(db, "sync.scope_removed.\(employerCode)", "1")
    }

    /// Deletes the rows of every employer held and forgets pending fetches and removals, before
    /// a fresh initial copy.
    static func clearAllScopes(_ db: Database) throws {
        var codes = Set(try String.fetchAll(db, sql: "SELECT code FROM employer"))
        for table in scopedTables + ["dossier_list"] {
            codes.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT employer_code FROM \(table)"))
        }
        for code in codes { try removeScope(db, code, keepingLocalTables: true) }
        try db.execute(sql: "DELETE FROM replica_meta WHERE key LIKE 'sync.scope_removed.%' OR key LIKE 'sync.scope_fetch.%'")
    }

    /// Drops the secondary indexes of the mirror tables for a fresh copy (SQLite builds an index
    /// at once, from sorted rows, much faster than row by row) and keeps their SQL in
    /// `replica_meta`, so the last page recreates them, even after a crash and a resume.
    /// Nothing reads the mirror through them meanwhile: the list stays empty until the last page.
    /// The triggers of the art. 60 projections go aside the same way (each copied absence would
    /// look its contract up without the index); the last page empties that store.
    static func setAsideMirrorIndexes(_ db: Database) throws {
        let tables = scopedTables.filter { !$0.hasPrefix("local_") }
        let set = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE (type = 'index' AND sql LIKE 'CREATE INDEX %' AND tbl_name IN (\(databaseQuestionMarks(count: tables.count))))
               OR (type = 'trigger' AND name LIKE 'art60_projection_%')
            """, arguments: StatementArguments(tables))
        for entry in set {
            let name: String = entry["name"]
            try setMeta(db, "sync.copy_index.\(name)", entry["sql"])
            try db.execute(sql: "DROP \((entry["type"] as String) == "trigger" ? "TRIGGER" : "INDEX") \"\(name)\"")
        }
    }

    /// Recreates the indexes and triggers `setAsideMirrorIndexes` dropped.
    static func restoreMirrorIndexes(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM replica_meta WHERE key LIKE 'sync.copy_index.%'") {
            let sql: String = row["value"]
            try db.execute(sql: sql.replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX IF NOT EXISTS ")
                .replacingOccurrences(of: "CREATE TRIGGER ", with: "CREATE TRIGGER IF NOT EXISTS "))
            try setMeta(db, row["key"], nil)
        }
        // What was written meanwhile did not mark the projections' dossiers.
        try Art60ProjectionStore.reset(db)
    }

    /// After the last page of an initial copy: the working view of every row with pending
    /// outbox mutations, then the whole dossier list and search index from the mirror.
    static func finishInitialCopy(_ db: Database) throws {
        try restoreMirrorIndexes(db)
        let pending = try Row.fetchAll(db, sql: """
            SELECT entity, target_id, employer_code FROM outbox GROUP BY entity, target_id, employer_code ORDER BY MIN(id)
            """)
        for row in pending {
            try recomputeSynced(db, entity: row["entity"], id: row["target_id"], employerCode: row["employer_code"])
        }
        try DossierListIndex.rebuild(db)
    }

    /// Writes a pulled row and recomputes its working view (and list row).
    static func writeSynced(_ db: Database, _ row: SyncedRow) throws {
        guard try writeSyncedMirror(db, row) else { return }
        switch row.entity {
        case "dossier":
            try recomputeSynced(db, entity: "person", id: row.id, employerCode: row.employerCode)
            try recomputeSynced(db, entity: "dossier", id: row.id, employerCode: row.employerCode)
        case "time_record", "art60_event", "note":
            try recomputeSynced(db, entity: row.entity, id: row.id, employerCode: row.employerCode)
        case "payroll_month":
            if let month = row.fields["month"] ?? nil {
                try recomputeSynced(db, entity: "payroll_month", id: "\(row.employerCode)/\(month)", employerCode: row.employerCode)
            }
        default:
            break
        }
    }

    /// The mirror upserts of a synced row (kept only if its version is not older), through
    /// statements prepared once per connection. Returns false for an entity the replica does
    /// not keep.
    @discardableResult
    static func writeSyncedMirror(_ db: Database, _ row: SyncedRow) throws -> Bool {
        let f = row.fields
        func text(_ name: String) -> DatabaseValue { (f[name] ?? nil)?.databaseValue ?? .null }
        func integer(_ name: String) -> DatabaseValue { (f[name] ?? nil).flatMap { Int64($0) }?.databaseValue ?? .null }
        func required(_ name: String) -> DatabaseValue { ((f[name] ?? nil) ?? "").databaseValue }
        let id = row.id.databaseValue
        let employer = row.employerCode.databaseValue
        switch row.entity {
        case "dossier", "time_record":
            // Bulk entities (a snapshot page holds thousands of rows) are bound through the C API.
            var mirror = SyncedMirrorWriter()
            return try mirror.write(row, in: db)
        case "payroll_month":
            guard let month = f["month"] ?? nil else { return false }
            try upsert(db, table: "payroll_month", key: ["employer_code", "month"], columns: [
                "employer_code": employer, "month": month.databaseValue, "status": required("status"),
            ], version: row.version)
            return true
        case "art60_event":
            try upsert(db, table: "art60_event", key: ["id"], columns: [
                "id": row.id.databaseValue, "employer_code": employer, "contract_id": required("contract_id"),
                "date": required("date"), "kind": required("kind"), "placement_id": text("placement_id"),
                "note": required("note"), "recorded_by": required("recorded_by"),
            ], version: row.version)
            return true
        case "employer":
            try upsert(db, table: "employer", key: ["code"], columns: [
                "code": row.id.databaseValue, "kind": required("kind"), "name_fr": required("name_fr"),
                "name_nl": required("name_nl"), "holiday_calendar_id": required("holiday_calendar_id"),
                "payroll_cut_off_day": (f["payroll_cutoff_day"] ?? nil).flatMap { Int64($0) }.map(\.databaseValue)
                    ?? (20 as Int64).databaseValue,
            ], version: row.version)
            return true
        case "user":
            let old = try Row.fetchOne(db, sql: "SELECT display_name FROM app_user WHERE id = ?", arguments: [row.id])
            let language = (f["language"] ?? nil).flatMap(Language.init(rawValue:)) ?? .fr
            try upsert(db, table: "app_user", key: ["id"], columns: [
                "id": row.id.databaseValue, "employer_code": employer, "login": required("login"),
                "display_name": required("display_name"), "language": language.rawValue.databaseValue,
            ], version: row.version)
            // The dossier list shows the payroll clerk's name: a new or renamed user refreshes it.
            if (old?["display_name"] as String?) != ((f["display_name"] ?? nil) ?? "") {
                let dossiers = try String.fetchAll(db, sql: "SELECT id FROM dossier_list WHERE payroll_clerk_id = ?",
                                                   arguments: [row.id])
                if !dossiers.isEmpty { try DossierListIndex.refresh(db, dossierIDs: dossiers) }
            }
            return true
        case "grant":
            try upsert(db, table: "user_grant", key: ["id"], columns: [
                "id": row.id.databaseValue, "user_id": required("user_id"), "employer_code": employer,
                "role": required("role"), "valid_from": text("valid_from"), "valid_to": text("valid_to"),
            ], version: row.version)
            return true
        case "career_period":
            try upsert(db, table: "career_period", key: ["id"], columns: [
                "id": id, "employer_code": employer, "dossier_id": required("dossier_id"), "start": required("start_date"),
                "end": text("end_date"), "grade": required("grade"), "scale": required("scale"),
                "regime": integer("regime"), "schedule": required("schedule"), "category": required("category"),
            ], version: row.version)
            return true
        case "partner":
            try upsert(db, table: "partner", key: ["id"], columns: [
                "id": id, "employer_code": employer, "name": required("name"), "kind": required("kind"),
                "enterprise_number": text("enterprise_number"), "address": text("address"),
                "contact_name": text("contact_name"), "active": ((f["active"] ?? nil) != "0").databaseValue,
            ], version: row.version)
            return true
        case "art60_contract":
            try upsert(db, table: "art60_contract", key: ["id"], columns: [
                "id": id, "employer_code": employer, "dossier_id": required("dossier_id"), "start": required("start_date"),
                "end": text("end_date"), "end_reason": text("end_reason"), "planned_end": text("planned_end"),
                "regime": integer("regime"), "officer_id": text("officer_id"),
                // A server older than prior days sends none: the contract brings none.
                "prior_days": ((f["prior_days"] ?? nil).flatMap { Int($0) } ?? 0).databaseValue,
            ], version: row.version)
            return true
        case "placement":
            try upsert(db, table: "placement", key: ["id"], columns: [
                "id": id, "employer_code": employer, "contract_id": required("contract_id"),
                "partner_id": required("partner_id"), "start": required("start_date"), "end": text("end_date"),
                "agreement_signed_on": text("agreement_signed_on"), "monthly_fee_cents": integer("monthly_fee_cents"),
                "tasks": required("tasks"), "hours_per_week": (f["hours_per_week"] ?? nil).flatMap { Double($0) }?.databaseValue ?? .null,
                "supervisor_name": text("supervisor_name"),
            ], version: row.version)
            return true
        case "note":
            try upsert(db, table: "note", key: ["id"], columns: [
                "id": id, "employer_code": employer, "dossier_id": required("dossier_id"), "author": required("author"),
                "text": required("text"), "created_at": required("created_at"), "edited_at": text("edited_at"),
            ], version: row.version)
            return true
        default:
            return false
        }
    }

    /// Keeps `app_user` to the users who hold a grant the replica knows: a user without one is
    /// dropped, and one whose row belonged to an employer where they no longer hold a grant moves
    /// to an employer where they do (so a scope removal does not take it away).
    static func reconcileUsers(_ db: Database, ids: [String]) throws {
        for id in Set(ids) {
            guard let employer = try String.fetchOne(db, sql: """
                SELECT min(employer_code) FROM user_grant WHERE user_id = ?
                """, arguments: [id]) else {
                try db.execute(sql: "DELETE FROM app_user WHERE id = ?", arguments: [id])
                continue
            }
            try db.execute(sql: """
                UPDATE app_user SET employer_code = ? WHERE id = ?
                AND NOT EXISTS (SELECT 1 FROM user_grant g WHERE g.user_id = app_user.id AND g.employer_code = app_user.employer_code)
                """, arguments: [employer, id])
        }
    }

    static func deleteSynced(_ db: Database, _ row: SyncedRow) throws {
        switch row.entity {
        case "dossier":
            for table in ["person", "dossier"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE id = ? AND version <= ?", arguments: [row.id, row.version])
            }
            try recomputeSynced(db, entity: "person", id: row.id, employerCode: row.employerCode)
            try recomputeSynced(db, entity: "dossier", id: row.id, employerCode: row.employerCode)
        case "time_record", "art60_event", "note":
            try db.execute(sql: "DELETE FROM \(row.entity) WHERE id = ? AND version <= ?", arguments: [row.id, row.version])
            try recomputeSynced(db, entity: row.entity, id: row.id, employerCode: row.employerCode)
        case "career_period", "partner", "art60_contract", "placement":
            // Read-only on the replica: no working view to recompute.
            try db.execute(sql: "DELETE FROM \(row.entity) WHERE id = ? AND version <= ?", arguments: [row.id, row.version])
        case "grant":
            let users = try String.fetchAll(db, sql: "SELECT user_id FROM user_grant WHERE id = ? AND version <= ?",
                                            arguments: [row.id, row.version])
            try db.execute(sql: "DELETE FROM user_grant WHERE id = ? AND version <= ?", arguments: [row.id, row.version])
            try reconcileUsers(db, ids: users)
        case "user":
            try reconcileUsers(db, ids: [row.id])
        default:
            break
        }
    }
}
