import FicheReplica

/// The display names of users met while drawing one list, each read once: a history or a list
/// of notes names the same few people on every line.
///
/// ```swift
/// var names = UserNames(database: environment.database)
/// let head = names.name(of: entry.userID)   // "Martine Peeters", else the id
/// ```
struct UserNames {
    let database: AppDatabase
    private var known: [String: String] = [:]

    init(database: AppDatabase) { self.database = database }

    /// The display name of user `id`, or the id itself when it cannot be read.
    mutating func name(of id: String) -> String {
        if let name = known[id] { return name }
        // try?: only a display name; when it cannot be read the user's id shows instead, nothing is hidden.
        let found = ((try? database.user(id: id)) ?? nil)?.displayName ?? id
        known[id] = found
        return found
    }
}
