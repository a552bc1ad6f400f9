import FicheServer

/// What a migrated store holds, as its own catalogue reports it: each table's columns (and
/// whether they refuse NULL) and the indexes the schema names (not those a primary key or a
/// UNIQUE constraint makes by itself, which each database names its own way).
struct StoreShape: Equatable {
    /// Table → column → NOT NULL.
    var columns: [String: [String: Bool]] = [:]
    /// Index → its table.
    var indexes: [String: String] = [:]

    /// The shape of a SQLite store. A primary key column counts as NOT NULL, as PostgreSQL reports it.
    static func sqlite(_ store: any ServerStore) async throws -> StoreShape {
        try await read(store, columns: """
            SELECT m.name AS table_name, p.name AS column_name, (p."notnull" = 1 OR p.pk > 0) AS not_null
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """, indexes: """
            SELECT name, tbl_name AS table_name FROM sqlite_master
            WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'
            """)
    }

    /// The shape of a PostgreSQL store, in the schema its connections use.
    static func postgres(_ store: any ServerStore) async throws -> StoreShape {
        try await read(store, columns: """
            SELECT table_name::text AS table_name, column_name::text AS column_name,
                   CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS not_null
            FROM information_schema.columns WHERE table_schema = current_schema()
            """, indexes: """
            SELECT i.relname::text AS name, t.relname::text AS table_name
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """)
    }

    private static func read(_ store: any ServerStore, columns: String, indexes: String) async throws -> StoreShape {
        try await store.read { tx in
            var shape = StoreShape()
            for row in try await tx.query(columns, []) {
                shape.columns[row.string("table_name") ?? "", default: [:]][row.string("column_name") ?? ""] = row.int("not_null") == 1
            }
            for row in try await tx.query(indexes, []) {
                shape.indexes[row.string("name") ?? ""] = row.string("table_name")
            }
            return shape
        }
    }

    /// Every difference from `other`, one sentence each, `self` being `name` and `other` `otherName`.
    func differences(from other: StoreShape, _ name: String, _ otherName: String) -> [String] {
        var found: [String] = []
        for table in Set(columns.keys).union(other.columns.keys).sorted() {
            guard let mine = columns[table] else { found.append("table \(table) only in \(otherName)"); continue }
            guard let theirs = other.columns[table] else { found.append("table \(table) only in \(name)"); continue }
            for column in Set(mine.keys).union(theirs.keys).sorted() {
                switch (mine[column], theirs[column]) {
                case (nil, _): found.append("\(table).\(column) only in \(otherName)")
                case (_, nil): found.append("\(table).\(column) only in \(name)")
                case let (notNull?, otherNotNull?) where notNull != otherNotNull:
                    found.append("\(table).\(column) is \(notNull ? "NOT NULL" : "nullable") in \(name), "
                                 + "\(otherNotNull ? "NOT NULL" : "nullable") in \(otherName)")
                default: break
                }
            }
        }
        for index in Set(indexes.keys).union(other.indexes.keys).sorted() where indexes[index] != other.indexes[index] {
            switch (indexes[index], other.indexes[index]) {
            case (nil, _): found.append("index \(index) only in \(otherName)")
            case (_, nil): found.append("index \(index) only in \(name)")
            case let (table, otherTable): found.append("index \(index) on \(table ?? "") in \(name), on \(otherTable ?? "") in \(otherName)")
            }
        }
        return found
    }
}
