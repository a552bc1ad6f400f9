import FicheDomain

extension DossierField {
    /// Where the replica keeps the field: the person row (identity, bank account, address,
    /// language) or the dossier row (clerks, status); nil for the fields only the server's
    /// import sets (grade and regime live in career periods), which a device cannot change.
    var replicaPlace: (entity: String, column: String)? {
        switch self {
        case .niss: return ("person", "niss")
        case .iban: return ("person", "iban")
        case .lastName: return ("person", "last_name")
        case .firstName: return ("person", "first_name")
        case .address: return ("person", "address")
        case .language: return ("person", "language")
        case .payrollClerk: return ("dossier", "payroll_clerk_id")
        case .timeManager: return ("dossier", "time_manager_id")
        case .status: return ("dossier", "status")
        case .grade, .regimePercent: return nil
        }
    }

    /// The field a replica column holds (`payroll_clerk_id` → `.payrollClerk`).
    static func changed(in entity: String, column: String) -> DossierField? {
        allCases.first { $0.replicaPlace.map { $0.entity == entity && $0.column == column } ?? false }
    }
}
