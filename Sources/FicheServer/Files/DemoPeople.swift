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
        let niss = NISS.digits(year: year, month: month, day: day, serial: serial)
        let iban = IBAN.belgian(account: Int.random(in: 0...9_999_999_999, using: &generator))
        let categories = employerIsCPAS ? ["statutory", "contractual", "art60", "subsidised_contractual"]
                                        : ["statutory", "contractual", "trainee"]
        return [
            number, niss, lastNames.randomElement(using: &generator) ?? "Dubois",
            firstNames.randomElement(using: &generator) ?? "Marie",
            "\(year)-\(pad(month, 2))-\(pad(day, 2))", male ? "male" : "female",
            Bool.random(using: &generator) ? "fr" : "nl", categories.randomElement(using: &generator) ?? "contractual",
            grades.randomElement(using: &generator) ?? "C1", ["100", "80", "50"].randomElement(using: &generator) ?? "100",
            "\(Int.random(in: 2005...2024, using: &generator))-\(pad(Int.random(in: 1...12, using: &generator), 2))-01",
            iban, "",
        ]
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
