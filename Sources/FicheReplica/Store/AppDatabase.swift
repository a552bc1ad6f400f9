import FicheDomain
import Foundation
import GRDB

/// The local replica: one SQLite file in WAL mode, its schema and its migrations.
///
/// Opening checks the file before writing anything: a damaged file, an SQLite file of another
/// program, or a replica written by a newer Fiche is refused with an error naming the file, and
/// the file is left exactly as it was. A new replica is created with mode 0600 (it holds
/// personal data).
///
/// ```swift
/// let database = try AppDatabase.open(at: "/home/clerk/.local/share/fiche/replica.sqlite", clock: .system)
/// let page = try database.dossierPage(after: nil, limit: 20)
/// ```
public struct AppDatabase: Sendable {
    /// The file this replica lives in.
    public let path: String
    let writer: DatabasePool
    /// The time every local write, sync answer and audit row is stamped with, and "today" for
    /// the rules and the screens: the wall clock in production, a fixed one in tests.
    public let clock: OfficeClock

    /// Opens the replica at `path`, creating it if it does not exist.
    /// - Throws: `ReplicaError` naming the file.
    public static func open(at path: String, clock: OfficeClock) throws -> AppDatabase {
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        if exists {
            try checkExistingFile(at: path)
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try fileManager.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
            } catch {
                throw ReplicaError.unreadable(path: path, detail: "cannot create folder \(folder)")
            }
            guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ReplicaError.unreadable(path: path, detail: "cannot create the file (read-only folder or full disk?)")
            }
        }
        do {
            var configuration = Configuration()
            // Several processes share a replica (the interface, `fiche sync --once` from cron,
            // `fiche import` from a script): a write waits for another's transaction to end.
            configuration.busyMode = .timeout(TimeInterval(busyTimeout))
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                // Pages are read from the file mapped in memory, not copied by a system call each:
                // the queues over every dossier read tens of thousands of scattered rows.
                try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if id == 0 { try db.execute(sql: "PRAGMA application_id = \(ReplicaSchema.applicationID)") }
            }
            try ReplicaSchema.migrator.migrate(pool)
            return AppDatabase(path: path, writer: pool, clock: clock)
        } catch let error as ReplicaError {
            throw error
        } catch let error as DatabaseError {
            // try?: removes the file this failed open had just created; the open's own error is thrown next.
            if !exists { try? fileManager.removeItem(atPath: path) }
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { throw ReplicaError.busy(path: path) }
            throw ReplicaError.unreadable(path: path, detail: error.message ?? "\(error.resultCode)")
        } catch {
            // try?: removes the file this failed open had just created; the open's own error is thrown next.
            if !exists { try? fileManager.removeItem(atPath: path) }
            throw ReplicaError.unreadable(path: path, detail: "\(error)")
        }
    }

    /// Bytes of the replica read through a memory map (SQLite's `mmap_size`); the rest, if any,
    /// is read as usual.
    static let mappedBytes = 4 * 1024 * 1024 * 1024

    /// Seconds a write waits for another process's transaction on the replica.
    public static let busyTimeout = 30

    /// Files up to this size get a full `PRAGMA quick_check` at opening (well under a second).
    static let fullCheckLimit = 128 * 1024 * 1024

    /// Reads an existing file without writing to it, and refuses it unless it is a replica
    /// this version of Fiche knows.
    private static func checkExistingFile(at path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ReplicaError.unreadable(path: path, detail: "permission denied")
        }
        let size: Int
        do {
            size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        } catch {
            // Not taken for an empty file: an unread size must not let the migrator write to it.
            throw ReplicaError.unreadable(path: path, detail: "\(error)")
        }
        if size == 0 { return }
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may be writing (a sync finishing, a checkpoint): the check waits for
        // it as a write does, instead of calling a busy file unreadable.
        configuration.busyMode = .timeout(TimeInterval(busyTimeout))
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                // A large replica is not read whole at every start (`quick_check` reads every page:
                // about 20 s for 1.5 GB on a cold disk); its header and schema are checked, and a
                // damaged page met later is refused by the read that meets it.
                let integrity = size <= fullCheckLimit
                    ? try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
                    : try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master").map { _ in "ok" } ?? "no schema"
                guard integrity == "ok" else { throw ReplicaError.corrupt(path: path, detail: integrity) }
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if id != ReplicaSchema.applicationID, !(id == 0 && tables == 0) {
                    throw ReplicaError.notAReplica(path: path)
                }
                let known = Set(ReplicaSchema.migrator.migrations)
                if try db.tableExists("grdb_migrations") {
                    let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                    if applied.contains(where: ReplicaSchema.retiredMigrations.contains) {
                        throw ReplicaError.preRelease(path: path)
                    }
                    if let unknown = applied.first(where: { !known.contains($0) }) {
                        throw ReplicaError.writtenByNewerVersion(path: path, migration: unknown)
                    }
                }
            }
            try queue.close()
        } catch let error as ReplicaError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw ReplicaError.busy(path: path)
        } catch let error as DatabaseError {
            throw ReplicaError.corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs `updates` in one write transaction; a full disk, a read-only file or a damaged
    /// file becomes a `ReplicaError` naming the file. SQLite rolls the transaction back, so
    /// nothing is half-written.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(updates)
        } catch let error as DatabaseError {
            throw translated(error)
        }
    }

    /// The same for work that manages its own transactions (the demo generator).
    func writeWithoutTransaction<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction(updates)
        } catch let error as DatabaseError {
            throw translated(error)
        }
    }

    private func translated(_ error: DatabaseError) -> Error {
        switch error.resultCode {
        case .SQLITE_FULL: return ReplicaError.diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return ReplicaError.readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return ReplicaError.corrupt(path: path, detail: error.message ?? "damaged")
        case .SQLITE_IOERR: return ReplicaError.unreadable(path: path, detail: error.message ?? "input/output error")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return ReplicaError.busy(path: path)
        default: return error
        }
    }
}
