/// A job a user holds at an employer; the raw value is the stable id grants and the CLI use.
public enum Role: String, Codable, Sendable, CaseIterable, Hashable {
    /// Gestionnaire de paie / loonbeheerder: the whole dossier, pay and (at the commune) time.
    case payrollClerk = "payroll_clerk"
    /// Gestion du temps: enters absences and clockings.
    case timeManager = "time_manager"
    /// Article 60 follow-up cell.
    case art60Officer = "art60_officer"
    /// Team lead: validates, reassigns, closes payroll months.
    case supervisor
    /// Read-only, including the audit log; identifiers stay masked.
    case auditor
    /// Manages users and grants; sees no personal identifiers.
    case admin

    /// What the role may do at the employer where it is granted.
    public var permissions: Set<Permission> {
        Self.permissionsByRole[self] ?? []
    }

    /// Every role's permissions, built once: a request checks several, and building the sets
    /// at each check showed in the profile of every request.
    private static let permissionsByRole: [Role: Set<Permission>] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.listedPermissions) })

    private var listedPermissions: Set<Permission> {
        switch self {
        case .payrollClerk:
            return [.viewDossier, .editDossier, .viewFullNISS, .viewIBAN, .viewTimeRecords, .enterTimeRecord,
                    .exportPayroll, .viewArt60]
        case .timeManager:
            return [.viewDossier, .viewTimeRecords, .enterTimeRecord]
        case .art60Officer:
            return [.viewDossier, .viewFullNISS, .viewTimeRecords, .enterTimeRecord, .viewArt60, .manageArt60]
        case .supervisor:
            return [.viewDossier, .editDossier, .viewFullNISS, .reassignDossier, .viewTimeRecords, .enterTimeRecord,
                    .validateTimeRecord, .closePayrollMonth, .exportPayroll, .viewArt60]
        case .auditor:
            return [.viewDossier, .viewTimeRecords, .viewArt60, .viewAuditLog]
        case .admin:
            return [.manageUsers, .viewAuditLog]
        }
    }
}
