import FicheDomain
import GRDB

extension User {
    /// The mirror row of this user; `employerCode` is the employer that administers the account.
    func replicaColumns(employerCode: String) -> [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "login": login.databaseValue,
         "display_name": displayName.databaseValue, "language": language.rawValue.databaseValue,
         "person_id": personID.databaseValue, "active": active.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "app_user")
        self.init(id: try r.text("id"), login: try r.text("login"), displayName: try r.text("display_name"),
                  language: try r.value("language", as: Language.self), personID: r.optionalText("person_id"),
                  active: (row["active"] as Bool?) ?? true)
    }
}
