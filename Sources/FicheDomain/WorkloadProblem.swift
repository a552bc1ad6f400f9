/// Why no proposal or what-if can be made. Nothing is written; the app says it in the user's
/// language (`workload.problem.<code>`), the command line in English (`description`).
public enum WorkloadProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// No employer with this code in the replica (`known`: the codes it holds).
    case unknownEmployer(String, known: [String])
    /// The user may not reassign the dossiers of this employer.
    case employerNotGranted(String)
    /// No payroll clerk is granted at both employers of a pool.
    case poolWithoutCommonClerk(String, String)
    /// The team has no payroll clerk (or a pool was asked with zero clerks).
    case noClerks(String)
    /// A pool of an employer with itself.
    case poolOfOneEmployer(String)

    /// Stable code, the suffix of the string key.
    public var code: String {
        switch self {
        case .unknownEmployer: return "unknownEmployer"
        case .employerNotGranted: return "employerNotGranted"
        case .poolWithoutCommonClerk: return "poolWithoutCommonClerk"
        case .noClerks: return "noClerks"
        case .poolOfOneEmployer: return "poolOfOneEmployer"
        }
    }

    public var description: String {
        switch self {
        case .unknownEmployer(let code, let known):
            return "unknown employer \(code); the replica holds " + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case .employerNotGranted(let code):
            return "\(code) is not granted to you: a proposal needs the reassign_dossier right there"
        case .poolWithoutCommonClerk(let first, let second):
            return "no payroll clerk is granted at both \(first) and \(second): a pooled team needs at least one"
        case .noClerks(let code):
            return "no payroll clerk to share the dossiers of \(code) (zero clerks)"
        case .poolOfOneEmployer(let code):
            return "a pool needs two different employers, not \(code) twice"
        }
    }
}
