import FicheDomain
import Foundation

/// `fiche-bench rebalance [--dossiers N] [--clerks N] [--seed S] [--repeat R]`: times the
/// workload screen's rebalancing proposal (`RebalancingPlanner`) on a generated team, without a
/// replica: N dossiers (12 % Article 60, heavier) at two employers, clerks granted at one of
/// them (a tenth at both), loads uneven (each clerk's share drawn between 0.5 and 1.5 of the
/// mean). Prints the median of R runs after a warm-up, the moves and the spread before and after;
/// the same for the pooling what-if of the two employers.
struct RebalanceBench {
    var dossiers = 100_000
    var clerks = 500
    var seed: UInt64 = 2026
    var runs = 5

    static func parse(_ arguments: [String]) throws -> RebalanceBench {
        var bench = RebalanceBench()
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
                throw BenchFailure("\(name) needs a positive whole number")
            }
            switch name {
            case "--dossiers": bench.dossiers = value
            case "--clerks": bench.clerks = value
            case "--seed": bench.seed = UInt64(value)
            case "--repeat": bench.runs = value
            default: throw BenchFailure("unknown option \(name)")
            }
            index += 2
        }
        return bench
    }

    /// The generated team: clerks with their grants, dossiers with weights.
    func team() -> (clerks: [WorkloadClerk], dossiers: [WorkloadDossier]) {
        var random = SeededGenerator(seed: seed)
        var team: [WorkloadClerk] = []
        var shares: [Double] = []
        for index in 0..<clerks {
            let employers: Set<String> = index % 10 == 0 ? ["AC", "CPAS"] : (index % 2 == 0 ? ["AC"] : ["CPAS"])
            team.append(WorkloadClerk(id: String(format: "clerk-%04d", index), login: "c\(index)", displayName: "Clerk \(index)",
                                      employerCodes: employers))
            shares.append(Double.random(in: 0.5...1.5, using: &random))
        }
        let byEmployer = ["AC": team.indices.filter { team[$0].employerCodes.contains("AC") },
                          "CPAS": team.indices.filter { team[$0].employerCodes.contains("CPAS") }]
        var all: [WorkloadDossier] = []
        all.reserveCapacity(dossiers)
        for index in 0..<dossiers {
            let employer = index % 12 < 7 ? "AC" : "CPAS"
            let art60 = employer == "CPAS" && Int.random(in: 0..<100, using: &random) < 12
            // A clerk granted at the dossier's employer, drawn in proportion to their share.
            let candidates = byEmployer[employer] ?? []
            var pick = candidates[Int.random(in: 0..<candidates.count, using: &random)]
            if Double.random(in: 0...1.5, using: &random) > shares[pick] {
                pick = candidates[Int.random(in: 0..<candidates.count, using: &random)]
            }
            let minutes = art60 ? Int.random(in: 700...1_400, using: &random) : Int.random(in: 240...700, using: &random)
            all.append(WorkloadDossier(id: String(format: "dos-%07d", index), number: String(format: "N-%07d", index),
                                       employerCode: employer, personID: "per-\(index / 2)", clerkID: team[pick].id,
                                       minutes: minutes, isArt60: art60))
        }
        return (team, all)
    }

    func run() throws {
        let (team, all) = team()
        Measurement(metric: "rebalance_dataset_dossiers", unit: "rows", value: Double(all.count)).print()
        Measurement(metric: "rebalance_dataset_clerks", unit: "rows", value: Double(team.count)).print()
        var proposal: RebalancingProposal?
        var timings: [Double] = []
        for run in 0...runs {
            let elapsed = try Stopwatch.milliseconds {
                proposal = try RebalancingPlanner.propose(dossiers: all, clerks: team, scope: "AC + CPAS")
            }
            if run > 0 { timings.append(elapsed) }
        }
        guard let proposal else { throw BenchFailure("no proposal") }
        Measurement(metric: "rebalance_proposal_p50", unit: "ms", value: Stopwatch.percentile(timings, 50)).print()
        Measurement(metric: "rebalance_proposal_max", unit: "ms", value: timings.max() ?? 0).print()
        Measurement(metric: "rebalance_moves", unit: "moves", value: Double(proposal.moves.count)).print()
        Measurement(metric: "rebalance_spread_before", unit: "max/mean", value: proposal.spread(proposal.before)).print()
        Measurement(metric: "rebalance_spread_after", unit: "max/mean", value: proposal.spread(proposal.after)).print()

        var pooled: PoolingWhatIf?
        var poolTimings: [Double] = []
        for run in 0...runs {
            let elapsed = try Stopwatch.milliseconds {
                pooled = try PoolingWhatIf.make(dossiers: all, clerks: team, employers: ("AC", "CPAS"), seats: clerks * 9 / 10)
            }
            if run > 0 { poolTimings.append(elapsed) }
        }
        guard let pooled else { throw BenchFailure("no what-if") }
        Measurement(metric: "pooling_what_if_p50", unit: "ms", value: Stopwatch.percentile(poolTimings, 50)).print()
        Measurement(metric: "pooling_spread_by_weight", unit: "max/mean", value: pooled.byWeight.spread(pooled.byWeight.after)).print()
        Measurement(metric: "pooling_spread_by_count_in_hours", unit: "max/mean", value: pooled.byCount.spread(pooled.byCount.after)).print()
    }
}
