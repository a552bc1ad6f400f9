/// The pooling what-if: two employers' dossiers shared by one team of `seats` payroll clerks,
/// each granted both. The team is today's clerks of the two employers, the most loaded kept
/// first (so fewest dossiers move), with new seats when more clerks are asked than there are;
/// the clerks left out hand over their dossiers. Two proposals: evened by weight (the hours)
/// and by count ("200 dossiers each"), whose weighted loads show how far even counts are from
/// even hours.
///
/// ```swift
/// let whatIf = try PoolingWhatIf.make(dossiers: both, clerks: clerks, employers: ("AC-IXL", "CPAS-IXL"), seats: 12)
/// whatIf.byCount.spread(whatIf.byCount.after)    // 1.31: 200 each is not even in hours
/// whatIf.byWeight.spread(whatIf.byWeight.after)  // 1.07
/// ```
public struct PoolingWhatIf: Hashable, Sendable {
    public var employers: [String]
    /// Evened by weighted load.
    public var byWeight: RebalancingProposal
    /// Evened by the dossiers' count, loads still in hours.
    public var byCount: RebalancingProposal

    /// - Parameters:
    ///   - dossiers: the dossiers of both employers.
    ///   - clerks: today's payroll clerks of either employer, with the employers they are granted.
    /// - Throws: `WorkloadProblem.poolOfOneEmployer`, `.noClerks` (zero seats, or no clerk at all),
    ///   `.poolWithoutCommonClerk` (no clerk is granted at both employers today).
    public static func make(dossiers: [WorkloadDossier], clerks: [WorkloadClerk], employers: (String, String), seats: Int,
                            options: RebalancingOptions = RebalancingOptions()) throws(WorkloadProblem) -> PoolingWhatIf {
        let (first, second) = employers
        guard first != second else { throw .poolOfOneEmployer(first) }
        let both: Set<String> = [first, second]
        let scope = "\(first) + \(second)"
        guard seats > 0, !clerks.isEmpty else { throw .noClerks(scope) }
        guard clerks.contains(where: { both.isSubset(of: $0.employerCodes) }) else {
            throw .poolWithoutCommonClerk(first, second)
        }
        let pooled = dossiers.filter { both.contains($0.employerCode) }
        var minutes: [String: Int] = [:]
        for dossier in pooled { if let clerk = dossier.clerkID { minutes[clerk, default: 0] += dossier.minutes } }
        let ranked = clerks.sorted { (minutes[$0.id] ?? 0, $1.id) > (minutes[$1.id] ?? 0, $0.id) }
        var team: [WorkloadClerk] = []
        for (rank, clerk) in ranked.enumerated() {
            var member = clerk
            member.employerCodes = both
            member.isLeaving = rank >= seats
            team.append(member)
        }
        if seats > ranked.count {
            for seat in 1...(seats - ranked.count) {
                team.append(WorkloadClerk(id: "~seat-\(seat)", login: "new-\(seat)", displayName: "", employerCodes: both,
                                          isNewSeat: true))
            }
        }
        var countOptions = options
        countOptions.byCount = true
        return PoolingWhatIf(
            employers: [first, second],
            byWeight: try RebalancingPlanner.propose(dossiers: pooled, clerks: team, options: options, scope: scope),
            byCount: try RebalancingPlanner.propose(dossiers: pooled, clerks: team, options: countOptions, scope: scope))
    }
}
