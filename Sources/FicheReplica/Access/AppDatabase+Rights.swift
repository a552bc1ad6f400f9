import FicheDomain
import GRDB

extension AppDatabase {
    /// What `userID` may see and do on `date`, from the grants the replica holds.
    ///
    /// ```swift
    /// let rights = try database.accessRights(of: "usr-demo", on: database.clock.today)
    /// rights.may(.validateTimeRecord, at: "CPAS-IXL")
    /// ```
    public func accessRights(of userID: String, on date: LocalDate) throws -> AccessRights {
        try writer.read { db in
            let grants = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM user_grant WHERE user_id = ?"),
                                          arguments: [userID]).map(Grant.init(stored:))
            return AccessRights(userID: userID, grants: grants, on: date)
        }
    }

    /// The signed-in user's account as the replica holds it; nil when it is not there.
    ///
    /// `id` may also be the login (what `fiche login` binds): the server's users and grants sync
    /// under the server's user ids, and a login is unique there.
    public func user(id: String) throws -> User? {
        try writer.read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM app_user WHERE id = ?"), arguments: [id])
            ?? Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM app_user WHERE login = ? ORDER BY id LIMIT 1"), arguments: [id])
            return try row.map(User.init(stored:))
        }
    }
}
