import FicheDomain
import GRDB

extension AppDatabase {
    /// The account of the person who signed in with `login` (`fiche login --user LOGIN`), as the
    /// replica holds it after a sync; nil before the first sync brought it.
    ///
    /// ```swift
    /// let user = try database.user(login: credentials.login)   // User(id: "usr-…", login: "bmertens", …)
    /// ```
    public func user(login: String) throws -> User? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE login = ? ORDER BY id LIMIT 1", arguments: [login])
                .map(User.init(stored:))
        }
    }
}
