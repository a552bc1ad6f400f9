/// A rebalancing proposal: the team, what each clerk carries today, and the reassignments that
/// bring every clerk within the tolerance of the team's mean weighted load (or as near as moves
/// allow). `loads(applying:)` gives the loads after any subset of the moves, so a supervisor may
/// drop some and see the result.
public struct RebalancingProposal: Hashable, Sendable {
    /// The team by id: clerks who receive, and leaving clerks (a smaller pooled team).
    public var clerks: [WorkloadClerk]
    /// The moves, in the order they were chosen (heaviest first from the most loaded clerk).
    public var moves: [WorkloadMove]
    /// What each clerk carries today (minutes, dossiers, art. 60), by clerk id.
    public var before: [String: ClerkLoad]
    /// Dossiers left where they are because entries of theirs wait in the outbox.
    public var pendingDossiers: Int
    /// The tolerance the proposal aimed at (0.10: ±10 %).
    public var tolerance: Double

    public init(clerks: [WorkloadClerk], moves: [WorkloadMove], before: [String: ClerkLoad], pendingDossiers: Int,
                tolerance: Double) {
        self.clerks = clerks
        self.moves = moves
        self.before = before
        self.pendingDossiers = pendingDossiers
        self.tolerance = tolerance
    }

    /// What each clerk carries once `moves` (any subset of the proposal's) are made.
    public func loads(applying moves: [WorkloadMove]) -> [String: ClerkLoad] {
        var loads = before
        for move in moves {
            loads[move.fromClerkID, default: ClerkLoad()].dossiers -= 1
            loads[move.fromClerkID, default: ClerkLoad()].minutes -= move.minutes
            loads[move.toClerkID, default: ClerkLoad()].dossiers += 1
            loads[move.toClerkID, default: ClerkLoad()].minutes += move.minutes
            if move.isArt60 {
                loads[move.fromClerkID, default: ClerkLoad()].art60Dossiers -= 1
                loads[move.toClerkID, default: ClerkLoad()].art60Dossiers += 1
            }
        }
        return loads
    }

    /// What each clerk carries once every move is made.
    public var after: [String: ClerkLoad] { loads(applying: moves) }

    /// The clerks who stay in the team (not leaving).
    public var seats: [WorkloadClerk] { clerks.filter { !$0.isLeaving } }

    /// The team's mean weighted load (minutes a year per seat).
    public func meanMinutes(_ loads: [String: ClerkLoad]) -> Double {
        let seats = self.seats
        guard !seats.isEmpty else { return 0 }
        return Double(seats.map { loads[$0.id]?.minutes ?? 0 }.reduce(0, +)) / Double(seats.count)
    }

    /// The spread of `loads`: the most loaded seat's weighted load over the mean (1.00: even).
    public func spread(_ loads: [String: ClerkLoad]) -> Double {
        let mean = meanMinutes(loads)
        guard mean > 0 else { return 1 }
        return Double(seats.map { loads[$0.id]?.minutes ?? 0 }.max() ?? 0) / mean
    }

    /// The spread of the dossiers' count: the seat with most dossiers over the mean count.
    public func countSpread(_ loads: [String: ClerkLoad]) -> Double {
        let seats = self.seats
        let counts = seats.map { loads[$0.id]?.dossiers ?? 0 }
        guard !counts.isEmpty, counts.reduce(0, +) > 0 else { return 1 }
        return Double(counts.max() ?? 0) / (Double(counts.reduce(0, +)) / Double(counts.count))
    }
}
