/// A bank account number (IBAN) of a SEPA country, validated.
///
/// Country code + 2 ISO check digits + the national account (BBAN, letters and digits), of
/// the length the ISO 13616 registry gives the country (`IBANLengths`). Valid when the ISO
/// 13616 mod-97 remainder is 1; a Belgian account (`BE`, 12 digits) must also pass the
/// national check: its first 10 digits mod 97 (0 counts as 97) equal its last 2 digits.
///
/// ```swift
/// try IBAN("BE32 1234 5678 9002").formatted   // "BE32 1234 5678 9002"
/// try IBAN("FR76 3000 6000 0112 3456 7890 189").compact   // "FR7630006000011234567890189"
/// try IBAN("BE41 0918 1173 5141")             // throws .ibanNationalCheck
/// try IBAN("US12 3456 7890")                  // throws .ibanCountry (not a SEPA country)
/// ```
public struct IBAN: Hashable, Sendable, CustomStringConvertible {
    /// The compact form, upper case, without spaces (`BE32123456789002`).
    public let compact: String

    /// Parses and validates an IBAN of a SEPA country, with or without spaces.
    ///
    /// - Throws: `RuleViolation.ibanFormat`, `.ibanCountry`, `.ibanChecksum`, `.ibanNationalCheck`.
    public init(_ text: String) throws(RuleViolation) {
        let compact = text.filter { $0 != " " && $0 != "-" }.uppercased()
        guard compact.count >= 5, compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .ibanFormat(text: text)
        }
        let country = String(compact.prefix(2))
        guard country.allSatisfy(\.isLetter) else { throw .ibanFormat(text: text) }
        guard let length = IBANLengths.bySEPACountry[country] else { throw .ibanCountry(text: text, country: country) }
        guard compact.count == length, compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber) else {
            throw .ibanFormat(text: text)
        }
        guard country != "BE" || compact.dropFirst(2).allSatisfy(\.isNumber) else { throw .ibanFormat(text: text) }
        guard IBAN.iso13616Remainder(compact) == 1 else { throw .ibanChecksum(text: text) }
        self.compact = compact
        guard country == "BE" else { return }
        let account = Array(compact.suffix(12))
        guard let first10 = Int(String(account[0..<10])), let check = Int(String(account[10...])) else {
            throw .ibanFormat(text: text)
        }
        let remainder = first10 % 97
        guard (remainder == 0 ? 97 : remainder) == check else { throw .ibanNationalCheck(text: text) }
    }

    /// Whether `text` is a valid IBAN (for live field validation).
    public static func isValid(_ text: String) -> Bool {
        // try?: the question is "is this valid?"; the initializer gives the reason where it is needed.
        (try? IBAN(text)) != nil
    }

    /// ISO 13616 remainder: move the first four characters to the end, letters to 10…35, mod 97.
    static func iso13616Remainder(_ compact: String) -> Int {
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for character in rearranged {
            guard let scalar = character.unicodeScalars.first?.value else { continue }
            if character.isNumber {
                remainder = (remainder * 10 + Int(scalar) - 48) % 97
            } else {
                remainder = (remainder * 100 + Int(scalar) - 55) % 97
            }
        }
        return remainder
    }

    /// Groups of four: `BE32 1234 5678 9002`.
    public var formatted: String {
        var out = ""
        for (index, character) in compact.enumerated() {
            if index > 0 && index % 4 == 0 { out.append(" ") }
            out.append(character)
        }
        return out
    }

    /// The country code of the account (`BE`, `FR`…).
    public var country: String { String(compact.prefix(2)) }

    /// `BE** **** **** 9002`, `FR** **** **** **** **** ***0 189`: the country and the last four
    /// characters only, for roles that do not need the account.
    public var masked: String {
        var out = ""
        for (index, character) in compact.enumerated() {
            if index > 0 && index % 4 == 0 { out.append(" ") }
            out.append(index < 2 || index >= compact.count - 4 ? character : "*")
        }
        return out
    }

    public var description: String { formatted }
}

extension IBAN: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try IBAN(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the compact form.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(compact)
    }
}
