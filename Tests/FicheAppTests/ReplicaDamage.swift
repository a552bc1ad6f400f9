import FicheReplica
import GRDB

/// Breaks a replica the app has open, from another connection, the way a damaged or
/// half-restored file does: the next read that needs the dropped table or view fails for real.
enum ReplicaDamage {
    /// Drops the table or view `name` (an FTS index too) from the replica's file.
    static func drop(_ name: String, in database: AppDatabase) throws {
        let connection = try DatabaseQueue(path: database.path)
        try connection.writeWithoutTransaction { db in
            let kind = try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = ?", arguments: [name])
            try db.execute(sql: "DROP \(kind == "view" ? "VIEW" : "TABLE") \(name)")
        }
        try connection.close()
    }
}
