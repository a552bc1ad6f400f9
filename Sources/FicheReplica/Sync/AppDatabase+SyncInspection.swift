import GRDB

extension AppDatabase {
    /// One recorded answer of the server, by local outbox id (the "needs attention" list).
    public struct RecordedResult: Sendable, Hashable {
        public var mutationID: Int64
        public var uuid: String
        public var mutation: String
        public var targetID: String
        public var employerCode: String
        public var status: String
        public var reason: String?
        public var serverValue: String?
    }

    /// Every recorded result, oldest first.
    public func recordedResults() throws -> [RecordedResult] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mutation_result ORDER BY mutation_id").map { row in
                RecordedResult(mutationID: row["mutation_id"], uuid: row["uuid"], mutation: row["mutation"],
                               targetID: row["target_id"], employerCode: row["employer_code"], status: row["status"],
                               reason: row["reason"], serverValue: row["server_value"])
            }
        }
    }

    /// The tables of the replica holding `text` in any column — for checks that a text its author
    /// erased left the device (the history, the outbox, the journal of sent changes included).
    public func tablesHolding(_ text: String) throws -> [String] {
        try writer.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.filter { table in
                let columns = try db.columns(in: table).map(\.name)
                guard !columns.isEmpty else { return false }
                let condition = columns.map { "CAST(\"\($0)\" AS TEXT) LIKE ?" }.joined(separator: " OR ")
                return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(table)\" WHERE \(condition))",
                                         arguments: StatementArguments(Array(repeating: "%\(text)%", count: columns.count))) ?? false
            }
        }
    }

    /// The rows of a mirror table or working view as text, by id — for checks that compare the
    /// replica with the server. `table` is one of `person`, `dossier`, `time_record` or their `_view`,
    /// or `employer` (by code), `app_user`, `user_grant`, `career_period`, `partner`, `art60_contract`, `placement`.
    public func syncedRows(of table: String) throws -> [String: [String: String?]] {
        let known = ["person", "dossier", "time_record", "person_view", "dossier_view", "time_record_view",
                     "employer", "app_user", "user_grant", "career_period", "partner", "art60_contract", "placement",
                     "note", "local_note", "note_view"]
        guard known.contains(table) else { return [:] }
        return try writer.read { db in
            var rows: [String: [String: String?]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                var values: [String: String?] = [:]
                for (column, value) in row { values[column] = MutationPayload.text(value) }
                if let id = (row["id"] as String?) ?? (row["code"] as String?) { rows[id] = values }
            }
            return rows
        }
    }

    /// The employers the replica holds any row of (mirror, overlay or list).
    public func heldEmployerCodes() throws -> Set<String> {
        try writer.read { db in
            var codes = Set(try String.fetchAll(db, sql: "SELECT code FROM employer"))
            for table in Self.scopedTables + ["dossier_list"] {
                codes.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT employer_code FROM \(table)"))
            }
            return codes
        }
    }
}
