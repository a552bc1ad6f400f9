/// A field of a dossier (or of its person) a clerk may change: one value from the dossier screen
/// to the server's `updateDossierField`. The raw value is the field's name on the wire and in
/// the server's store.
public enum DossierField: String, Codable, Sendable, CaseIterable, Hashable {
    case niss
    case iban
    case lastName = "last_name"
    case firstName = "first_name"
    case address
    case language
    case payrollClerk = "payroll_clerk"
    case timeManager = "time_manager"
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

    /// What a user needs at the dossier's employer to change the field, on a device and on the
    /// server alike: giving a dossier to another clerk is a reassignment, and a NISS is changed
    /// only by someone who may see it in full.
    public var requiredPermissions: [Permission] {
        switch self {
        case .payrollClerk, .timeManager: return [.reassignDossier]
        case .niss: return [.editDossier, .viewFullNISS]
        default: return [.editDossier]
        }
    }
}
