import FicheDomain
import GRDB

extension AppDatabase {
    /// Applies rows pulled from the server: each upsert only if its version is not older than
    /// the stored one (idempotent, tolerant of reordering), then recomputes the working view of
    /// the rows touched. One transaction.
    public func applyPulled(_ batch: MirrorBatch) throws {
        try write { db in
            for row in batch.employers {
                try Self.upsert(db, table: "employer", key: ["code"], columns: row.value.replicaColumns, version: row.version)
            }
            for row in batch.users {
                try Self.upsert(db, table: "app_user", key: ["id"],
                                columns: row.value.replicaColumns(employerCode: row.employerCode), version: row.version)
            }
            for row in batch.grants {
                try Self.upsert(db, table: "user_grant", key: ["id"], columns: row.value.replicaColumns, version: row.version)
            }
            for row in batch.payrollMonths {
                try Self.upsert(db, table: "payroll_month", key: ["employer_code", "month"],
                                columns: row.value.replicaColumns, version: row.version)
            }
            for row in batch.persons {
                try Self.upsert(db, table: "person", key: ["id"],
                                columns: row.value.replicaColumns(employerCode: row.employerCode), version: row.version)
                try WorkingView.recompute(db, entity: "person", id: row.value.id)
            }
            for row in batch.dossiers {
                try Self.upsert(db, table: "dossier", key: ["id"], columns: row.value.replicaColumns, version: row.version)
                try WorkingView.recompute(db, entity: "dossier", id: row.value.id)
            }
            for row in batch.careerPeriods {
                try Self.upsert(db, table: "career_period", key: ["id"],
                                columns: row.value.replicaColumns(employerCode: row.employerCode), version: row.version)
            }
            for row in batch.timeRecords {
                try Self.upsert(db, table: "time_record", key: ["id"], columns: row.value.replicaColumns, version: row.version)
                try WorkingView.recompute(db, entity: "time_record", id: row.value.id)
            }
            for row in batch.partners {
                try Self.upsert(db, table: "partner", key: ["id"], columns: row.value.replicaColumns, version: row.version)
            }
            for row in batch.art60Contracts {
                try Self.upsert(db, table: "art60_contract", key: ["id"], columns: row.value.replicaColumns,
                                version: row.version)
            }
            for row in batch.placements {
                try Self.upsert(db, table: "placement", key: ["id"],
                                columns: row.value.replicaColumns(employerCode: row.employerCode), version: row.version)
            }
            for row in batch.art60Events {
                try Self.upsert(db, table: "art60_event", key: ["id"],
                                columns: row.value.replicaColumns(employerCode: row.employerCode), version: row.version)
            }
        }
    }

    /// Deletes every row of an employer the user lost access to, its local history, answers and
    /// entries included, in one transaction (`SyncSession` saves the unsent ones to a file first).
    public func removeEmployerScope(_ employerCode: String) throws {
        try write { db in try Self.removeScope(db, employerCode) }
    }

    /// Every table whose rows belong to one employer (besides `employer` itself).
    static let scopedTables = [
        "app_user", "user_grant", "payroll_month", "person", "local_person", "dossier", "local_dossier",
        "career_period", "time_record", "local_time_record", "partner", "art60_contract", "placement", "art60_event",
        "local_art60_event", "local_payroll_month", "note", "local_note",
    ]

    static func upsert(_ db: Database, table: String, key: [String], columns: [String: DatabaseValue], version: Int64) throws {
        var values = columns
        values["version"] = version.databaseValue
        let names = values.keys.sorted()
        let quoted = names.map { "\"\($0)\"" }
        let updates = names.filter { !key.contains($0) }.map { "\"\($0)\" = excluded.\"\($0)\"" }
        let sql = """
            INSERT INTO \(table) (\(quoted.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: names.count)))
            ON CONFLICT(\(key.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))
            WHERE excluded.version >= \(table).version
            """
        try db.execute(sql: sql, arguments: StatementArguments(names.map { values[$0] ?? .null }))
    }
}
