/// Why a store could not be opened.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case badDatabaseURL(url: String)
    /// The SQLite file could not be created (read-only folder, full disk).
    case cannotCreate(path: String)

    public var description: String {
        switch self {
        case .badDatabaseURL(let url):
            return "cannot read the database URL '\(url)'; expected postgres://user:password@host:5432/database"
        case .cannotCreate(let path):
            return "\(path): cannot create the database file (read-only folder or full disk?)"
        }
    }
}
