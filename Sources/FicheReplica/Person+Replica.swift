import FicheDomain
import GRDB

extension Person {
    /// The mirror row of this person at `employerCode` (a person is stored once per employer).
    func replicaColumns(employerCode: String) -> [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "niss": niss.digits.databaseValue,
         "last_name": lastName.databaseValue, "first_name": firstName.databaseValue,
         "birth_date": birthDate.iso.databaseValue, "sex": sex.rawValue.databaseValue,
         "language": language.rawValue.databaseValue, "address": JSONColumn.encode(address).databaseValue,
         "iban": iban?.compact.databaseValue ?? .null]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "person")
        let niss: NISS
        do { niss = try NISS(try r.text("niss")) } catch { throw r.fail("niss: \(error)") }
        var iban: IBAN?
        if let text = r.optionalText("iban") {
            do { iban = try IBAN(text) } catch { throw r.fail("iban: \(error)") }
        }
        self.init(id: try r.text("id"), niss: niss, lastName: try r.text("last_name"),
                  firstName: try r.text("first_name"), birthDate: try r.date("birth_date"),
                  sex: try r.value("sex", as: Sex.self), language: try r.value("language", as: Language.self),
                  address: try r.json("address", as: Address.self), iban: iban)
    }
}
