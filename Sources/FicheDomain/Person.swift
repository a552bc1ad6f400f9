/// A person as the national register knows them; one person may have dossiers at several employers.
public struct Person: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var niss: NISS
    /// Family name with its particles and accents, as written (`Van den Bossche`, `El Amrani`).
    public var lastName: String
    public var firstName: String
    public var birthDate: LocalDate
    public var sex: Sex
    public var language: Language
    public var address: Address?
    public var iban: IBAN?

    public init(id: String, niss: NISS, lastName: String, firstName: String, birthDate: LocalDate, sex: Sex,
                language: Language, address: Address? = nil, iban: IBAN? = nil) {
        self.id = id
        self.niss = niss
        self.lastName = lastName
        self.firstName = firstName
        self.birthDate = birthDate
        self.sex = sex
        self.language = language
        self.address = address
        self.iban = iban
    }

    /// `LAST, First` as lists show it.
    public var sortName: String { "\(lastName), \(firstName)" }

    /// Age in completed years on `date`.
    public func age(on date: LocalDate) -> Int { birthDate.age(on: date) }
}
