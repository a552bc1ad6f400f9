import FicheDomain
import GRDB

extension Partner {
    /// The mirror row of this partner.
    var replicaColumns: [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "name": name.databaseValue,
         "kind": kind.rawValue.databaseValue, "enterprise_number": enterpriseNumber.databaseValue,
         "address": JSONColumn.encode(address).databaseValue, "contact_name": contactName.databaseValue,
         "active": active.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "partner")
        self.init(id: try r.text("id"), employerCode: try r.text("employer_code"), name: try r.text("name"),
                  kind: try r.value("kind", as: PartnerKind.self), enterpriseNumber: r.optionalText("enterprise_number"),
                  address: try r.json("address", as: Address.self), contactName: r.optionalText("contact_name"),
                  active: (row["active"] as Bool?) ?? true)
    }
}
