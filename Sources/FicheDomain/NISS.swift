/// A Belgian national register or BIS number (NISS / INSZ), validated.
///
/// Eleven digits `YYMMDD SSS CC`, shown `YY.MM.DD-SSS.CC`. `CC` is 97 minus the first nine
/// digits mod 97; for births from 2000 the nine digits are prefixed with "2" first, so a
/// validator tries both centuries. BIS numbers add 40 (sex known) or 20 (sex unknown) to
/// the month. Unknown birth parts are `00`. The serial `SSS` runs from 001 to 997.
///
/// ```swift
/// let niss = try NISS("85.07.30-033.28")
/// niss.birthDate   // 1985-07-30
/// niss.masked      // "**.**.**-***.28"
/// ```
public struct NISS: Hashable, Sendable, CustomStringConvertible {
    /// The kind of register the number comes from.
    public enum Kind: String, Sendable, Codable, Hashable {
        /// National register number.
        case national
        /// BIS number, sex known (month + 40).
        case bisSexKnown = "bis_sex_known"
        /// BIS number, sex unknown (month + 20).
        case bisSexUnknown = "bis_sex_unknown"
    }

    /// The eleven digits, without separators.
    public let digits: String
    /// 1900 or 2000: the century the checksum matched.
    public let century: Int

    /// Parses and validates a number, with or without separators (`.`, `-`, spaces).
    ///
    /// - Parameters:
    ///   - declaredSex: when given, the sequence parity must match it (odd for men, even for
    ///     women); ignored for BIS numbers with unknown sex.
    ///   - today: when given (from the office clock, never the machine's), a birth date after
    ///     it is refused.
    /// - Throws: `RuleViolation.nissFormat`, `.nissChecksum`, `.nissBirthDate`, `.nissSerial`,
    ///   `.nissBirthInFuture`, `.nissSexMismatch`.
    public init(_ text: String, declaredSex: Sex? = nil, today: LocalDate? = nil) throws(RuleViolation) {
        let stripped = text.filter { !" .-/".contains($0) }
        guard stripped.count == 11, stripped.allSatisfy({ $0.isASCII && $0.isNumber }),
              let first9 = Int(stripped.prefix(9)), let check = Int(stripped.suffix(2)) else {
            throw .nissFormat(text: text)
        }
        let century: Int
        if 97 - first9 % 97 == check {
            century = 1900
        } else if 97 - (2_000_000_000 + first9) % 97 == check {
            century = 2000
        } else {
            throw .nissChecksum(text: text)
        }
        let digits = Array(stripped.utf8).map { Int($0) - 48 }
        let monthField = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        let month: Int
        switch monthField {
        case 0...12: month = monthField
        case 20...32: month = monthField - 20
        case 40...52: month = monthField - 40
        default: throw .nissBirthDate(text: text)
        }
        guard day <= 31 else { throw .nissBirthDate(text: text) }
        let year = century + digits[0] * 10 + digits[1]
        if month != 0 && day != 0 {
            guard let birth = LocalDate(year: year, month: month, day: day) else { throw .nissBirthDate(text: text) }
            if let today, birth > today { throw .nissBirthInFuture(text: text, today: today) }
        } else if let today, year > today.year || (year == today.year && month > today.month) {
            throw .nissBirthInFuture(text: text, today: today)
        }
        let serial = digits[6] * 100 + digits[7] * 10 + digits[8]
        guard (1...997).contains(serial) else { throw .nissSerial(text: text) }
        self.digits = stripped
        self.century = century
        if let declaredSex, let sex, sex != declaredSex {
            throw .nissSexMismatch(text: text, declared: declaredSex)
        }
    }

    /// Whether `text` is a valid number (for live field validation).
    public static func isValid(_ text: String) -> Bool {
        // try?: the question is "is this valid?"; the initializer gives the reason where it is needed.
        (try? NISS(text)) != nil
    }

    private var values: [Int] { digits.utf8.map { Int($0) - 48 } }
    private var monthField: Int { values[2] * 10 + values[3] }

    /// National number or BIS number (and whether the BIS number knows the sex).
    public var kind: Kind {
        switch monthField {
        case 20...32: return .bisSexUnknown
        case 40...52: return .bisSexKnown
        default: return .national
        }
    }

    /// The birth date, or `nil` when the month or day is unknown (`00`).
    public var birthDate: LocalDate? {
        let v = values
        let month = monthField % 20
        let day = v[4] * 10 + v[5]
        guard month != 0, day != 0 else { return nil }
        return LocalDate(year: century + v[0] * 10 + v[1], month: month, day: day)
    }

    /// The birth year (known even when month or day are not).
    public var birthYear: Int { century + values[0] * 10 + values[1] }

    /// The sex encoded by the sequence parity, or `nil` for a BIS number with unknown sex.
    public var sex: Sex? {
        guard kind != .bisSexUnknown else { return nil }
        let v = values
        let sequence = v[6] * 100 + v[7] * 10 + v[8]
        return sequence % 2 == 1 ? .male : .female
    }

    /// `YY.MM.DD-SSS.CC`, shown to roles that may see it in full.
    public var formatted: String {
        let c = Array(digits)
        return "\(String(c[0...1])).\(String(c[2...3])).\(String(c[4...5]))-\(String(c[6...8])).\(String(c[9...10]))"
    }

    /// `**.**.**-***.CC`: only the check digits, for lists and roles that do not need the number.
    public var masked: String { "**.**.**-***." + String(digits.suffix(2)) }

    public var description: String { formatted }
}

extension NISS: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try NISS(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the eleven digits without separators.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
