import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode (GRDB `DatabasePool`).
///
/// Writers queue on a `WriteLock` and run in `BEGIN IMMEDIATE … COMMIT` on the pool's single
/// writer connection; readers use the pool's reader connections.
public final class SQLiteServerStore: ServerStore {
    public let backend = "sqlite"
    private let pool: DatabasePool
    private let lock = WriteLock()

    /// Opens (creating if needed) the database file at `path`, with mode 0600. The file is
    /// created empty with that mode before SQLite opens it, since SQLite gives its `-wal` and
    /// `-shm` files the mode of the database file: all three hold personal data.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.cannotCreate(path: path)
            }
        }
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        // A file made by an older server may be 0644: tightened here, with its -wal and -shm.
        // A file this user does not own keeps its mode (nothing is written by this step).
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            // try?: only tightens the mode of a file this user owns; nothing is written to the data.
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    public var schemaLevel: Int { SQLiteSchema.statements.count }

    public func migrate() async throws {
        let level = schemaLevel
        try await write { tx in
            for statement in SQLiteSchema.statements {
                if let (table, column) = Self.addedColumn(statement),
                   try await tx.first("SELECT 1 AS present FROM pragma_table_info(?) WHERE name = ?", [.text(table), .text(column)]) != nil {
                    continue
                }
                try await tx.execute(statement)
            }
            try await tx.execute("INSERT INTO sync_clock (id, seq, horizon) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING")
            try await ServerSchema.recordLevel(level, in: tx)
            try await ServerSchema.ensureIdentity(in: tx)
        }
    }

    /// The table and column of an `ALTER TABLE t ADD COLUMN c …` statement, so `migrate()` can
    /// skip it once the column exists (SQLite has no `ADD COLUMN IF NOT EXISTS`).
    static func addedColumn(_ statement: String) -> (table: String, column: String)? {
        let words = statement.split(separator: " ").map(String.init)
        guard words.count >= 6, words[0] == "ALTER", words[1] == "TABLE", words[3] == "ADD", words[4] == "COLUMN" else { return nil }
        return (words[2], words[5])
    }

    public func write<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        await lock.acquire()
        do {
            try await pool.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
            let transaction = SQLiteTransaction(pool: pool, access: .writer)
            do {
                let result = try await body(transaction)
                try await pool.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
                await lock.release()
                return result
            } catch {
                // try?: rolls back after a failure that is thrown just below; SQLite rolls back by itself if this cannot.
                try? await pool.writeWithoutTransaction { db in
                    if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
                }
                throw error
            }
        } catch {
            await lock.release()
            throw error
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        try await body(SQLiteTransaction(pool: pool, access: .reader))
    }

    public func eraseAllData() async throws {
        try await write { tx in
            for table in ServerSchema.tables {
                try await tx.execute("DELETE FROM \(table)")
            }
            try await tx.execute("INSERT INTO sync_clock (id, seq, horizon) VALUES (1, 0, 0)")
            try await ServerSchema.resetIdentity(in: tx)
        }
    }

    public func close() async {
        // try?: at shutdown every write is committed or rolled back; closing has nothing left to lose.
        try? pool.close()
    }
}
