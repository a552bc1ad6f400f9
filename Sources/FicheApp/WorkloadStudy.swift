import FicheDomain
import FicheReplica

/// The weighted workload, the rebalancing proposal and the pooling what-if, read from the
/// replica for one user: what the workload screen computes off the key path and what
/// `fiche workload` prints. Bad input is a `WorkloadProblem`, checked before anything is read.
///
/// ```swift
/// let proposal = try WorkloadStudy.proposal(database: database, rules: rules, userID: "usr-demo",
///                                           employer: "CPAS-IXL", on: today)
/// proposal.moves.count
/// ```
public enum WorkloadStudy {
    /// The team of `employer` today (its payroll clerks, their active dossiers weighed), and the
    /// moves that even it.
    ///
    /// - Throws: `WorkloadProblem` (unknown employer, not granted, no clerk), or a read error.
    public static func proposal(database: AppDatabase, rules: RuleBook, userID: String, employer: String, on today: LocalDate,
                                options: RebalancingOptions = RebalancingOptions()) throws -> RebalancingProposal {
        try check([employer], database: database, userID: userID, on: today)
        let clerks = try database.workloadClerks(employerCodes: [employer], on: today)
            .filter { $0.employerCodes.contains(employer) }
        guard !clerks.isEmpty else { throw WorkloadProblem.noClerks(employer) }
        let dossiers = try database.workloadDossiers(employerCodes: [employer], asOf: today, costs: rules.workloadCosts)
        return try RebalancingPlanner.propose(dossiers: dossiers, clerks: clerks, options: options, scope: employer)
    }

    /// The pooling what-if of `employers` with `seats` payroll clerks.
    ///
    /// - Throws: `WorkloadProblem` (an employer unknown or not granted, the same employer twice,
    ///   zero clerks, no clerk granted at both), or a read error.
    public static func pooling(database: AppDatabase, rules: RuleBook, userID: String, employers: (String, String),
                               seats: Int, on today: LocalDate,
                               options: RebalancingOptions = RebalancingOptions()) throws -> PoolingWhatIf {
        try check([employers.0, employers.1], database: database, userID: userID, on: today)
        guard employers.0 != employers.1 else { throw WorkloadProblem.poolOfOneEmployer(employers.0) }
        guard seats > 0 else { throw WorkloadProblem.noClerks("\(employers.0) + \(employers.1)") }
        let codes = [employers.0, employers.1]
        let clerks = try database.workloadClerks(employerCodes: codes, on: today)
        let dossiers = try database.workloadDossiers(employerCodes: codes, asOf: today, costs: rules.workloadCosts)
        return try PoolingWhatIf.make(dossiers: dossiers, clerks: clerks, employers: employers, seats: seats, options: options)
    }

    /// Every employer known to the replica, and granted to the user with the right to reassign.
    static func check(_ employers: [String], database: AppDatabase, userID: String, on today: LocalDate) throws {
        let known = try database.employers().map(\.code).sorted()
        for code in employers where !known.contains(code) { throw WorkloadProblem.unknownEmployer(code, known: known) }
        let rights = try database.accessRights(of: userID, on: today)
        for code in employers where !rights.may(.reassignDossier, at: code) { throw WorkloadProblem.employerNotGranted(code) }
    }
}
