/// Whose account `fiche demo --as ROLE` opens, so each kind of user can try their own job.
public enum DemoRole: String, CaseIterable, Sendable {
    /// The demo's own user: supervisor, payroll clerk and time manager at both employers.
    case supervisor
    /// The first payroll clerk of the commune: starts on "my dossiers".
    case clerk
    /// The first time manager of the CPAS.
    case timeManager = "time-manager"
    /// The first Article 60 officer of the CPAS.
    case art60
    /// A payroll clerk of the CPAS only (the clerk above works at the commune), so that two demo
    /// users at the two employers can sync side by side.
    case cpasClerk = "clerk-cpas"

    /// The demo account of this role.
    public var userID: String {
        switch self {
        case .supervisor: return DemoWorld.demoUserID
        case .clerk: return "usr-\(DemoWorld.commune.code)-payroll_clerk-1"
        case .timeManager: return "usr-\(DemoWorld.cpas.code)-time_manager-1"
        case .art60: return "usr-\(DemoWorld.cpas.code)-art60_officer-1"
        case .cpasClerk: return "usr-\(DemoWorld.cpas.code)-payroll_clerk-1"
        }
    }
}
