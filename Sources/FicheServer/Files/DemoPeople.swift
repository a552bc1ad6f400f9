import FicheDomain

/// Plausible Brussels staff for the demo: valid NISS and Belgian IBAN, FR/NL names.
enum DemoPeople {
    static let lastNames = ["Dubois", "Janssens", "Peeters", "El Amrani", "Van den Bossche", "De Smet", "Lambert",
                            "Maes", "Dupont", "Claes", "Benali", "Goossens", "Wouters", "Mertens", "Lefèvre", "Öztürk"]
    static let firstNames = ["Marie", "Jan", "Fatima", "Lucas", "Emma", "Mohamed", "Noé", "Sarah", "Thomas", "Inès",
                             "Pieter", "Chloé", "Youssef", "Anaïs", "Bram", "Léa"]
    static let grades = ["A1", "B1", "B2", "C1", "C2", "C3", "D1", "D2", "D4", "E1"]

    static func row(number: String, employerIsCPAS: Bool, using generator: inout SeededGenerator) -> [String] {
        let male = Bool.random(using: &generator)
        let year = Int.random(in: 1960...2003, using: &generator)
        let month = Int.random(in: 1...12, using: &generator)
        let day = Int.random(in: 1...28, using: &generator)
        var serial = Int.random(in: 1...997, using: &generator)
        if (serial % 2 == 1) != male { serial = serial == 997 ? 996 : serial + 1 }
        let nine = String(format: "%02d%02d%02d%03d", year % 100, month, day, serial)
        let base = (year >= 2000 ? 2_000_000_000 : 0) + (Int(nine) ?? 0)
        let niss = nine + String(format: "%02d", 97 - base % 97)
        let account = Int.random(in: 0...9_999_999_999, using: &generator)
        let national = account % 97 == 0 ? 97 : account % 97
        let bban = String(format: "%010d%02d", account, national)
        let iban = "BE" + String(format: "%02d", ibanCheck(bban)) + bban
        let categories = employerIsCPAS ? ["statutory", "contractual", "art60", "subsidised_contractual"]
                                        : ["statutory", "contractual", "trainee"]
        return [
            number, niss, lastNames.randomElement(using: &generator) ?? "Dubois",
            firstNames.randomElement(using: &generator) ?? "Marie",
            String(format: "%04d-%02d-%02d", year, month, day), male ? "male" : "female",
            Bool.random(using: &generator) ? "fr" : "nl", categories.randomElement(using: &generator) ?? "contractual",
            grades.randomElement(using: &generator) ?? "C1", ["100", "80", "50"].randomElement(using: &generator) ?? "100",
            String(format: "%04d-%02d-01", Int.random(in: 2005...2024, using: &generator), Int.random(in: 1...12, using: &generator)),
            iban, "",
        ]
    }

    /// ISO 13616 check digits for a Belgian BBAN.
    static func ibanCheck(_ bban: String) -> Int {
        let rearranged = bban + "1114" + "00"  // B = 11, E = 14
        var remainder = 0
        for character in rearranged {
            remainder = (remainder * 10 + (character.wholeNumberValue ?? 0)) % 97
        }
        return 98 - remainder
    }
}
