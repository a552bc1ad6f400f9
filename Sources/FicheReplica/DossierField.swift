import FicheDomain

/// A field of a dossier a clerk may change from the dossier screen.
public enum DossierField: String, CaseIterable, Hashable, Sendable {
    case iban
    case lastName = "last_name"
    case firstName = "first_name"
    case payrollClerk = "payroll_clerk_id"
    case timeManager = "time_manager_id"
    case status

    /// Person fields live on the person row; the others on the dossier row.
    var entity: String {
        switch self {
        case .iban, .lastName, .firstName: return "person"
        case .payrollClerk, .timeManager, .status: return "dossier"
        }
    }

    /// The permission a change of this field needs.
    var permission: Permission {
        switch self {
        case .payrollClerk, .timeManager: return .reassignDossier
        default: return .editDossier
        }
    }
}
