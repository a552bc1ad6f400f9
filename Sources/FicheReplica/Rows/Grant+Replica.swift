import FicheDomain
import GRDB

extension Grant {
    /// The mirror row of this grant.
    var replicaColumns: [String: DatabaseValue] {
        ["id": id.databaseValue, "user_id": userID.databaseValue, "employer_code": employerCode.databaseValue,
         "role": role.rawValue.databaseValue, "valid_from": validFrom?.iso.databaseValue ?? .null,
         "valid_to": validTo?.iso.databaseValue ?? .null]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "user_grant")
        self.init(id: try r.text("id"), userID: try r.text("user_id"), employerCode: try r.text("employer_code"),
                  role: try r.value("role", as: Role.self), validFrom: try r.optionalDate("valid_from"),
                  validTo: try r.optionalDate("valid_to"))
    }
}
