import GRDB

/// Writes the rows of a snapshot page to the mirror, the statements of the bulk entities
/// (dossiers, time records) prepared once for the page instead of looked up per row.
///
/// ```swift
/// var mirror = SyncedMirrorWriter()
/// for row in rows { try mirror.write(row, in: db) }
/// ```
struct SyncedMirrorWriter {
    private var person: SyncedUpsertWriter?
    private var dossier: SyncedUpsertWriter?
    private var timeRecord: SyncedUpsertWriter?

    /// Upserts `row` into its mirror table(s); false for an entity the replica does not keep.
    @discardableResult
    mutating func write(_ row: AppDatabase.SyncedRow, in db: Database) throws -> Bool {
        switch row.entity {
        case "dossier":
            try Self.write(row, with: &person, .person, in: db)
            try Self.write(row, with: &dossier, .dossier, in: db)
            return true
        case "time_record":
            try Self.write(row, with: &timeRecord, .timeRecord, in: db)
            return true
        default:
            return try AppDatabase.writeSyncedMirror(db, row)
        }
    }

    private static func write(_ row: AppDatabase.SyncedRow, with writer: inout SyncedUpsertWriter?,
                              _ upsert: AppDatabase.SyncedUpsert, in db: Database) throws {
        if writer == nil { writer = try SyncedUpsertWriter(upsert, in: db) }
        try writer?.write(row, in: db)
    }
}
