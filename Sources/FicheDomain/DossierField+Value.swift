import Foundation

extension DossierField {
    /// The stored form of a value typed for this field, or nil for "empty"; the same check on a
    /// device and on the server (NISS checksum, IBAN checks, known language, status, regime).
    ///
    /// ```swift
    /// try DossierField.iban.normalized(" be68 5390 0754 7034 ")   // "BE68539007547034"
    /// ```
    /// - Parameter today: the office day of the change (device and server each pass the day
    ///   of their clock): a NISS born after it is refused.
    /// - Throws: `RuleViolation` (NISS, IBAN, regime) or `FieldValueError` (a required field
    ///   left empty, an unknown language or status).
    public func normalized(_ value: String?, today: LocalDate? = nil) throws -> String? {
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch self {
        case .iban, .address, .payrollClerk, .timeManager, .grade:
            if text.isEmpty { return nil }
        case .niss, .lastName, .firstName, .language, .regimePercent, .status:
            if text.isEmpty { throw FieldValueError(field: self, value: value, code: "field.required") }
        }
        switch self {
        case .niss:
            return try NISS(text, today: today).digits
        case .iban:
            return try IBAN(text).compact
        case .lastName, .firstName, .address, .payrollClerk, .timeManager, .grade:
            return text
        case .language:
            guard let language = Language(rawValue: text) else {
                throw FieldValueError(field: self, value: value, code: "language.unknown")
            }
            return language.rawValue
        case .regimePercent:
            return try RegimeFraction.parse(text).percentText
        case .status:
            guard let status = DossierStatus(rawValue: text) else {
                throw FieldValueError(field: self, value: value, code: "dossier.status_unknown")
            }
            return status.rawValue
        }
    }
}
