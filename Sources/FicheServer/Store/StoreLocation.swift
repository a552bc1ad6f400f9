import Foundation

/// Which store a command uses: `--database-url`, `--sqlite`, `FICHE_DATABASE_URL`, or the
/// default SQLite file in the data directory.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case postgres(url: String)
    case sqlite(path: String)

    /// Resolves the options in the documented order: explicit URL, explicit SQLite path,
    /// `FICHE_DATABASE_URL`, then `<data dir>/server.sqlite`.
    public static func resolve(databaseURL: String?, sqlitePath: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreLocation {
        if let databaseURL, !databaseURL.isEmpty { return .postgres(url: databaseURL) }
        if let sqlitePath, !sqlitePath.isEmpty { return .sqlite(path: sqlitePath) }
        if let url = environment["FICHE_DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("sqlite:") { return .sqlite(path: String(url.dropFirst("sqlite:".count))) }
            return .postgres(url: url)
        }
        return .sqlite(path: defaultDataDirectory(environment: environment) + "/server.sqlite")
    }

    /// `$FICHE_SERVER_DATA_DIR`, else `$XDG_DATA_HOME/fiche-server`, else `~/.local/share/fiche-server`.
    public static func defaultDataDirectory(environment: [String: String]) -> String {
        if let dir = environment["FICHE_SERVER_DATA_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/fiche-server" }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/share/fiche-server"
    }

    /// Opens the store (it is not migrated).
    public func open() throws -> any ServerStore {
        switch self {
        case .postgres(let url): return try PostgresServerStore(url: url)
        case .sqlite(let path): return try SQLiteServerStore(path: path)
        }
    }

    public var description: String {
        switch self {
        case .postgres(let url): return "PostgreSQL " + PostgresServerStore.redacted(url)
        case .sqlite(let path): return "SQLite " + path
        }
    }
}
