import FicheDemo
import FicheDomain
import GRDB

/// Fills a replica with the demo `DemoWorld` generates (one commune and its CPAS, their staff,
/// dossiers, careers, art. 60 files and two years of time records), as of the replica's today
/// (its clock).
///
/// Everything goes to the mirror tables, as if pulled from the server, in ONE transaction:
/// an interrupted run leaves the previous replica as it was. Secondary indexes, the dossier
/// list and the search index are rebuilt once at the end, which is faster than keeping them
/// up to date row by row (100,000 dossiers and 5 million time records in well under a minute).
///
/// ```swift
/// try DemoDataGenerator(dataset: DemoDataset(dossiers: 400, seed: 7)).write(into: database)
/// ```
public struct DemoDataGenerator: Sendable {
    public let dataset: DemoDataset

    public init(dataset: DemoDataset) { self.dataset = dataset }

    /// The id of the demo's own user, who may work at both employers.
    public static let demoUserID = DemoWorld.demoUserID

    /// Writes the demo in one transaction, replacing any earlier data.
    public func write(into database: AppDatabase) throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -262144")
            // try?: gives back the cache the load borrowed; the demo is written (or its error thrown) either way.
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try db.inTransaction {
                try Self.clear(db)
                try self.load(db, today: database.clock.today)
                return .commit
            }
            try db.checkpoint(.truncate)
        }
    }

    /// Whether the replica already holds exactly this demo.
    public static func holds(_ dataset: DemoDataset, in database: AppDatabase) throws -> Bool {
        try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = 'demo'") == dataset.fingerprint
        }
    }

    private static func clear(_ db: Database) throws {
        // Written without the mirror's indexes, built at the end from sorted rows, as a copy is.
        try AppDatabase.setAsideMirrorIndexes(db)
        for table in ["employer", "outbox", "audit", "mutation_result"] + AppDatabase.scopedTables {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        try db.execute(sql: "DELETE FROM replica_meta WHERE key = 'demo'")
    }

    private func load(_ db: Database, today: LocalDate) throws {
        var world = try DemoWorld(dataset: dataset, today: today)
        var writer = try DemoWriter(db, calendar: world.calendar)
        try world.writeReference(into: &writer)
        while try world.writeNextDossier(into: &writer) {}
        try AppDatabase.restoreMirrorIndexes(db)
        try DossierListIndex.rebuild(db)
        try db.execute(sql: "ANALYZE dossier_list")   // the list is where the planner chooses
        try db.execute(sql: "INSERT OR REPLACE INTO replica_meta (key, value) VALUES ('demo', ?)",
                       arguments: [dataset.fingerprint])
    }
}
