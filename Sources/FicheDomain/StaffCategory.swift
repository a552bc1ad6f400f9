/// The employment category of a dossier, which decides many rules (leave, certificates…).
public enum StaffCategory: String, Codable, Sendable, CaseIterable, Hashable {
    /// Nommé / vastbenoemd.
    case statutory
    /// Stagiaire (probation before appointment).
    case trainee
    /// Contractuel / contractueel.
    case contractual
    /// Subsidised contractual (ACS / GECO).
    case subsidisedContractual = "subsidised_contractual"
    /// Article 60 §7 contract (CPAS only).
    case art60

    /// Works under an employment contract (not an appointment).
    public var isContractStaff: Bool {
        switch self {
        case .contractual, .subsidisedContractual, .art60: return true
        case .statutory, .trainee: return false
        }
    }
}
