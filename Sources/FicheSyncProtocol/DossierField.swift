/// A dossier field a client may change with `updateDossierField`.
public enum DossierField: String, Codable, Sendable, CaseIterable, Hashable {
    case niss
    case iban
    case lastName = "last_name"
    case firstName = "first_name"
    case address
    case language
    case payrollClerk = "payroll_clerk"
    case grade
    case regimePercent = "regime_percent"
    case status

    /// Fields holding identifiers, pay or dates: a change needs the rights to see them in full.
    public var isSensitive: Bool {
        switch self {
        case .niss, .iban, .grade, .regimePercent: return true
        default: return false
        }
    }
}
