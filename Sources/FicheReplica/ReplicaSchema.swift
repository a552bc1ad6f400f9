import GRDB

/// The replica's schema as an ordered list of migrations.
///
/// Migrations are append-only once released: a new column or table is a new step.
enum ReplicaSchema {
    /// `PRAGMA application_id` of every Fiche replica ("FICH"), so a foreign SQLite file is
    /// recognised and refused before anything is written to it.
    static let applicationID: Int32 = 0x4649_4348

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-dossiers") { db in
            try db.create(table: "employer") { t in
                t.primaryKey("id", .text)
                t.column("code", .text).notNull().unique()
                t.column("kind", .text).notNull()
                t.column("name_fr", .text).notNull()
                t.column("name_nl", .text).notNull()
                t.column("version", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "dossier") { t in
                t.primaryKey("id", .text)
                t.column("employer_id", .text).notNull().references("employer")
                t.column("dossier_number", .text).notNull()
                t.column("last_name", .text).notNull()
                t.column("first_name", .text).notNull()
                t.column("sort_name", .text).notNull()
                t.column("niss", .text).notNull()
                t.column("birth_date", .text).notNull()
                t.column("category", .text).notNull()
                t.column("status", .text).notNull()
                t.column("payroll_clerk", .text).notNull()
                t.column("version", .integer).notNull().defaults(to: 0)
            }
            // The dossier list pages by (sort_name, id): keyset paging needs exactly this index.
            try db.create(index: "dossier_by_name", on: "dossier", columns: ["sort_name", "id"])
            try db.create(table: "replica_meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        return migrator
    }
}
