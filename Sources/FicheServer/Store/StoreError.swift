/// Why a store could not be opened.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case badDatabaseURL(url: String)

    public var description: String {
        switch self {
        case .badDatabaseURL(let url):
            return "cannot read the database URL '\(url)'; expected postgres://user:password@host:5432/database"
        }
    }
}
