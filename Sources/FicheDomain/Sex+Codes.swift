import Foundation

extension Sex {
    /// The codes offices write for each sex, lower-cased: `M`/`F` (English), `H`/`F` (homme,
    /// femme), `M`/`V` (man, vrouw), and the words. No code means one sex in a language and the
    /// other in another: `M` is a man in all three, `F` a woman in French and English.
    public static let codes: [String: Sex] = [
        "m": .male, "h": .male, "male": .male, "man": .male, "homme": .male,
        "f": .female, "v": .female, "female": .female, "vrouw": .female, "femme": .female,
    ]

    /// The sex a spreadsheet cell names (`M`, `f`, `H`, `V`, `Male`, `vrouw`…), or nil.
    ///
    /// ```swift
    /// Sex(code: "V")      // .female
    /// Sex(code: " H ")    // .male
    /// Sex(code: "X")      // nil
    /// ```
    public init?(code: String) {
        guard let sex = Sex.codes[code.trimmingCharacters(in: .whitespaces).lowercased()] else { return nil }
        self = sex
    }
}
