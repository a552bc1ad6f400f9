import FicheDomain
import GRDB

extension User {
    /// The mirror row of this user; `employerCode` is the employer that administers the account.
    func replicaColumns(employerCode: String) -> [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "login": login.databaseValue,
         "display_name": displayName.databaseValue, "language": language.rawValue.databaseValue,
         "person_id": personID.databaseValue, "active": active.databaseValue]
    }
}
