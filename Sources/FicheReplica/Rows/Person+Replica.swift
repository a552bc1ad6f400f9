import FicheDomain
import GRDB

extension Person {
    /// The mirror row of this person at `employerCode` (a person is stored once per employer).
    func replicaColumns(employerCode: String) -> [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "niss": (niss?.digits ?? maskedNISS ?? "").databaseValue,
         "last_name": lastName.databaseValue, "first_name": firstName.databaseValue,
         "birth_date": birthDate.iso.databaseValue, "sex": sex.rawValue.databaseValue,
         "language": language.rawValue.databaseValue, "address": JSONColumn.encode(address).databaseValue,
         "iban": (iban?.compact ?? maskedIBAN).databaseValue]
    }

    /// Whether the server sent this text masked (`**.**.**-***.28`, `BE** **** **** 7034`).
    static func isMasked(_ text: String) -> Bool { text.contains("*") }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "person")
        // A value the server masked for this user's role is kept as sent, never parsed.
        let nissText = try r.text("niss")
        var niss: NISS?
        if !Self.isMasked(nissText) {
            do { niss = try NISS(nissText) } catch { throw r.fail("niss: \(error)") }
        }
        var iban: IBAN?
        let ibanText = r.optionalText("iban")
        if let ibanText, !Self.isMasked(ibanText) {
            do { iban = try IBAN(ibanText) } catch { throw r.fail("iban: \(error)") }
        }
        self.init(id: try r.text("id"), niss: niss, lastName: try r.text("last_name"),
                  firstName: try r.text("first_name"), birthDate: try r.date("birth_date"),
                  sex: try r.value("sex", as: Sex.self), language: try r.value("language", as: Language.self),
                  address: try r.json("address", as: Address.self), iban: iban,
                  maskedNISS: niss == nil ? nissText : nil,
                  maskedIBAN: ibanText.flatMap { Self.isMasked($0) ? $0 : nil })
    }
}
