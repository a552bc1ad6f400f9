/// Why a replica file could not be opened or written. Every case names the file.
public enum ReplicaError: Error, Equatable, CustomStringConvertible {
    /// The file is not an SQLite database at all, or is damaged.
    case corrupt(path: String, detail: String)
    /// The file is an SQLite database that some other program made.
    case notAReplica(path: String)
    /// A newer Fiche wrote this replica; this version must not alter it.
    case writtenByNewerVersion(path: String, migration: String)
    /// The file or its folder cannot be read or written.
    case unreadable(path: String, detail: String)
    /// A development build of Fiche made this file before the schema was settled; it cannot be
    /// upgraded (it only ever held demo data).
    case preRelease(path: String)
    /// The disk (or the file's quota) is full; the change was not written.
    case diskFull(path: String)
    /// The file or its folder became read-only; the change was not written.
    case readOnly(path: String)
    /// Another Fiche process on this computer (the open interface, a sync from cron, an
    /// import) kept the replica busy for longer than a write waits; the change was not written.
    case busy(path: String)

    public var path: String {
        switch self {
        case .corrupt(let path, _), .notAReplica(let path), .writtenByNewerVersion(let path, _), .unreadable(let path, _),
             .diskFull(let path), .readOnly(let path), .preRelease(let path), .busy(let path):
            return path
        }
    }

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            return "\(path): not a readable Fiche replica (\(detail)); the file was left untouched"
        case .notAReplica(let path):
            return "\(path): this SQLite file is not a Fiche replica; the file was left untouched"
        case .writtenByNewerVersion(let path, let migration):
            return "\(path): written by a newer version of Fiche (schema step '\(migration)'); update Fiche to open it"
        case .unreadable(let path, let detail):
            return "\(path): cannot be opened (\(detail))"
        case .preRelease(let path):
            return "\(path): made by a development build of Fiche; delete it and run `fiche demo` again"
        case .diskFull(let path):
            return "\(path): the disk is full; nothing was saved — free some space and try again"
        case .readOnly(let path):
            return "\(path): the file is read-only; nothing was saved"
        case .busy(let path):
            return "\(path): another Fiche on this computer kept the replica busy for \(AppDatabase.busyTimeout) s; nothing was saved — try again"
        }
    }
}
