/// A person as the national register knows them; one person may have dossiers at several employers.
public struct Person: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// Nil when the server withheld it from this user (their role shows it masked): see `maskedNISS`.
    public var niss: NISS?
    /// Family name with its particles and accents, as written (`Van den Bossche`, `El Amrani`).
    public var lastName: String
    public var firstName: String
    public var birthDate: LocalDate
    public var sex: Sex
    public var language: Language
    public var address: Address?
    public var iban: IBAN?
    /// The national number as the server sent it to a user who may only see it masked
    /// (`**.**.**-***.28`); nil when `niss` is known.
    public var maskedNISS: String?
    /// The IBAN as the server sent it to a user who may only see it masked (`BE** **** **** 7034`).
    public var maskedIBAN: String?

    public init(id: String, niss: NISS?, lastName: String, firstName: String, birthDate: LocalDate, sex: Sex,
                language: Language, address: Address? = nil, iban: IBAN? = nil, maskedNISS: String? = nil,
                maskedIBAN: String? = nil) {
        self.id = id
        self.niss = niss
        self.lastName = lastName
        self.firstName = firstName
        self.birthDate = birthDate
        self.sex = sex
        self.language = language
        self.address = address
        self.iban = iban
        self.maskedNISS = maskedNISS
        self.maskedIBAN = maskedIBAN
    }

    /// `LAST, First` as lists show it.
    public var sortName: String { "\(lastName), \(firstName)" }

    /// Checks that the NISS agrees with the recorded sex and birth date.
    ///
    /// A BIS number with unknown sex or a number with unknown birth parts cannot contradict them.
    /// - Throws: `RuleViolation.nissSexMismatch`, `.nissBirthDateMismatch`.
    public func checkIdentity() throws(RuleViolation) {
        guard let niss else { return }  // withheld: nothing to compare
        if let encoded = niss.sex, encoded != sex {
            throw .nissSexMismatch(text: niss.formatted, declared: sex)
        }
        if let encoded = niss.birthDate, encoded != birthDate {
            throw .nissBirthDateMismatch(text: niss.formatted, declared: birthDate)
        } else if niss.birthDate == nil, niss.birthYear != birthDate.year, niss.digits.prefix(2) != "00" {
            throw .nissBirthDateMismatch(text: niss.formatted, declared: birthDate)
        }
    }

    /// Age in completed years on `date`.
    public func age(on date: LocalDate) -> Int { birthDate.age(on: date) }
}
