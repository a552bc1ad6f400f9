import GRDB

extension AppDatabase {
    /// Rows per table of the mirror and the outbox, for reports and benchmarks (it counts every
    /// row: never call it from a screen).
    public func tableSizes() throws -> [String: Int] {
        try writer.read { db in
            var sizes: [String: Int] = [:]
            for table in ["employer", "outbox", "audit", "dossier_list"] + Self.scopedTables {
                sizes[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return sizes
        }
    }
}
