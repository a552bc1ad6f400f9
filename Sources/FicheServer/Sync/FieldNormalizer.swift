import FicheDomain
import FicheSyncProtocol

/// Brings a dossier field's value to the form the server stores, validating it with the
/// domain rules (NISS checksum, IBAN checks, known language…).
enum FieldNormalizer {
    /// The stored form of `value`, or nil for "empty".
    ///
    /// - Throws: `RuleViolation` or `MutationRejection` when the value is not valid.
    static func normalize(_ value: String?, field: DossierField) throws -> String? {
        guard let raw = value else {
            switch field {
            case .iban, .address, .payrollClerk, .grade: return nil
            default: throw MutationRejection(code: "field.required")
            }
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch field {
        case .niss:
            return try NISS(text).digits
        case .iban:
            return text.isEmpty ? nil : try IBAN(text).compact
        case .lastName, .firstName:
            guard !text.isEmpty else { throw MutationRejection(code: "field.required") }
            return text
        case .address, .payrollClerk, .grade:
            return text.isEmpty ? nil : text
        case .language:
            guard let language = Language(rawValue: text) else { throw MutationRejection(code: "language.unknown") }
            return language.rawValue
        case .regimePercent:
            return percentText(try RegimeFraction.parse(text))
        case .status:
            guard let status = DossierStatus(rawValue: text) else { throw MutationRejection(code: "dossier.status_unknown") }
            return status.rawValue
        }
    }

    /// The value a client sent as `old`, normalised if it can be, else as sent.
    static func normalizeLeniently(_ value: String?, field: DossierField) -> String? {
        (try? normalize(value, field: field)) ?? value
    }

    /// `80`, `50`, `100`, or `75.5` for a regime.
    static func percentText(_ regime: RegimeFraction) -> String {
        regime.thousandths % 10 == 0 ? String(regime.thousandths / 10) : String(Double(regime.thousandths) / 10)
    }
}
