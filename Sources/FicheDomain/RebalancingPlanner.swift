/// Makes a rebalancing proposal, greedy and with few moves: while a clerk is more than the
/// tolerance above the team's mean (or one below it), the most loaded clerk hands the heaviest
/// dossier that does not overshoot the mean to the least loaded clerk granted its employer;
/// when none fits, the heaviest whose move still narrows the gap between the two; when no move
/// improves, that clerk is done. Dossiers with entries pending are never moved, and a dossier
/// moves at most once. With `keepWorkerTogether`, a worker's dossiers at one clerk move as one.
/// Leaving clerks (a smaller pooled team) hand over everything first.
///
/// Heaps of clerks by load and each clerk's dossiers sorted by weight keep it near
/// O(n log n): 100,000 dossiers and 500 clerks in well under a second (docs/BENCHMARKS.md).
/// Ties go to the lower id, so the same data always gives the same proposal.
///
/// ```swift
/// let proposal = try RebalancingPlanner.propose(dossiers: dossiers, clerks: clerks, scope: "CPAS-IXL")
/// proposal.spread(proposal.after)   // 1.06
/// ```
public enum RebalancingPlanner {
    /// Dossiers that move together (one, or a worker's at one clerk).
    private struct Unit {
        var dossiers: [Int]
        var weight: Int
        var key: String
        var requirement: Int
    }

    /// - Parameters:
    ///   - dossiers: the team's dossiers; those whose clerk is not in `clerks` are left out.
    ///   - clerks: the team, each with the employers they may receive.
    ///   - scope: the employer code(s) named in an error.
    /// - Throws: `WorkloadProblem.noClerks` when no clerk stays in the team.
    public static func propose(dossiers: [WorkloadDossier], clerks: [WorkloadClerk],
                               options: RebalancingOptions = RebalancingOptions(),
                               scope: String) throws(WorkloadProblem) -> RebalancingProposal {
        let team = clerks.sorted { $0.id < $1.id }
        guard team.contains(where: { !$0.isLeaving }) else { throw .noClerks(scope) }
        var clerkIndex: [String: Int] = [:]
        for (index, clerk) in team.enumerated() { clerkIndex[clerk.id] = index }
        let held = dossiers.filter { $0.clerkID.flatMap { clerkIndex[$0] } != nil }.sorted { $0.id < $1.id }
        let holder = held.map { $0.clerkID.flatMap { clerkIndex[$0] } ?? 0 }
        let metric = held.map { options.byCount ? 1 : $0.minutes }

        var before: [String: ClerkLoad] = [:]
        for clerk in team { before[clerk.id] = ClerkLoad() }
        var load = [Int](repeating: 0, count: team.count)
        for (index, dossier) in held.enumerated() {
            load[holder[index]] += metric[index]
            before[team[holder[index]].id, default: ClerkLoad()].dossiers += 1
            before[team[holder[index]].id, default: ClerkLoad()].minutes += dossier.minutes
            if dossier.isArt60 { before[team[holder[index]].id, default: ClerkLoad()].art60Dossiers += 1 }
        }

        // Units, and the employers a receiver must be granted for each (a requirement class).
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, dossier) in held.enumerated() {
            let key = options.keepWorkerTogether ? "\(holder[index])\u{1}\(dossier.personID)" : dossier.id
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var classes: [Set<String>] = []
        var classIndex: [Set<String>: Int] = [:]
        var units: [Unit] = []
        var pending = 0
        for key in order {
            let members = groups[key] ?? []
            if members.contains(where: { held[$0].isPending }) {
                pending += members.count
                continue
            }
            let employers = Set(members.map { held[$0].employerCode })
            let requirement: Int
            if let known = classIndex[employers] {
                requirement = known
            } else {
                requirement = classes.count
                classIndex[employers] = requirement
                classes.append(employers)
            }
            units.append(Unit(dossiers: members, weight: members.map { metric[$0] }.reduce(0, +),
                              key: held[members[0]].id, requirement: requirement))
        }
        func heavierFirst(_ a: Int, _ b: Int) -> Bool {
            units[a].weight != units[b].weight ? units[a].weight > units[b].weight : units[a].key < units[b].key
        }
        // Each clerk's units by class, heaviest first.
        var shelves = [[[Int]]](repeating: [[Int]](repeating: [], count: classes.count), count: team.count)
        for (index, unit) in units.enumerated() { shelves[holder[unit.dossiers[0]]][unit.requirement].append(index) }
        for clerk in shelves.indices {
            for requirement in classes.indices { shelves[clerk][requirement].sort(by: heavierFirst) }
        }
        // Who may receive each class, and the classes each clerk may receive.
        var receives = [[Int]](repeating: [], count: team.count)
        var receivers = [LoadHeap](repeating: LoadHeap(ascending: true), count: classes.count)
        for (index, clerk) in team.enumerated() where !clerk.isLeaving {
            for (requirement, employers) in classes.enumerated() where employers.isSubset(of: clerk.employerCodes) {
                receives[index].append(requirement)
                receivers[requirement].push(load: load[index], clerk: index)
            }
        }
        var lightest = LoadHeap(ascending: true)
        var heaviest = LoadHeap(ascending: false)
        for (index, clerk) in team.enumerated() where !clerk.isLeaving {
            lightest.push(load: load[index], clerk: index)
            heaviest.push(load: load[index], clerk: index)
        }
        var done = [Bool](repeating: false, count: team.count)
        var moves: [WorkloadMove] = []
        let current = { (value: Int, clerk: Int) in load[clerk] == value }

        func move(_ unit: Int, from giver: Int, to taker: Int) {
            load[giver] -= units[unit].weight
            load[taker] += units[unit].weight
            for member in units[unit].dossiers {
                let dossier = held[member]
                moves.append(WorkloadMove(dossierID: dossier.id, dossierNumber: dossier.number, employerCode: dossier.employerCode,
                                          fromClerkID: team[giver].id, toClerkID: team[taker].id, minutes: dossier.minutes,
                                          isArt60: dossier.isArt60))
            }
            for clerk in [giver, taker] where !team[clerk].isLeaving {
                for requirement in receives[clerk] { receivers[requirement].push(load: load[clerk], clerk: clerk) }
                lightest.push(load: load[clerk], clerk: clerk)
                heaviest.push(load: load[clerk], clerk: clerk)
            }
            done[taker] = false
        }

        // Leaving clerks hand over every unit they may, heaviest first, each to the lightest clerk allowed.
        for (giver, clerk) in team.enumerated() where clerk.isLeaving {
            let all = shelves[giver].flatMap { $0 }.sorted(by: heavierFirst)
            shelves[giver] = [[Int]](repeating: [], count: classes.count)
            for unit in all {
                guard let taker = receivers[units[unit].requirement].peekValid(current) else {
                    shelves[giver][units[unit].requirement].append(unit)
                    continue
                }
                move(unit, from: giver, to: taker)
            }
        }

        let seats = team.indices.filter { !team[$0].isLeaving }
        let mean = Double(seats.map { load[$0] }.reduce(0, +)) / Double(seats.count)
        let upper = mean * (1 + options.tolerance), lower = mean * (1 - options.tolerance)
        while let giver = heaviest.peekValid({ current($0, $1) && !done[$1] }) {
            let least = lightest.peekValid(current).map { load[$0] } ?? 0
            if Double(load[giver]) <= upper && Double(least) >= lower { break }
            // The best unit: one that does not overshoot the mean, else one that narrows the gap;
            // the heavier the better, then the lower id.
            var best: (unit: Int, taker: Int, position: Int, fits: Bool)?
            for requirement in classes.indices where !shelves[giver][requirement].isEmpty {
                guard let taker = receivers[requirement].peekValid(excluding: giver, current), load[taker] < load[giver] else { continue }
                let shelf = shelves[giver][requirement]
                let fitting = Int(min(Double(load[giver]) - mean, mean - Double(load[taker])).rounded(.down))
                var position = fitting >= 1 ? firstAtMost(fitting, in: shelf, weights: units) : shelf.count
                var fits = position < shelf.count
                if !fits {
                    position = firstAtMost(load[giver] - load[taker] - 1, in: shelf, weights: units)
                    fits = false
                }
                guard position < shelf.count else { continue }
                let unit = shelf[position]
                if let chosen = best {
                    let better = fits != chosen.fits ? fits
                        : (units[unit].weight != units[chosen.unit].weight ? units[unit].weight > units[chosen.unit].weight
                           : units[unit].key < units[chosen.unit].key)
                    if !better { continue }
                }
                best = (unit, taker, position, fits)
            }
            guard let chosen = best else {
                done[giver] = true
                continue
            }
            shelves[giver][units[chosen.unit].requirement].remove(at: chosen.position)
            move(chosen.unit, from: giver, to: chosen.taker)
        }
        return RebalancingProposal(clerks: team, moves: moves, before: before, pendingDossiers: pending,
                                   tolerance: options.tolerance)
    }

    /// The first position in `shelf` (heaviest first) whose weight is at most `limit`.
    private static func firstAtMost(_ limit: Int, in shelf: [Int], weights units: [Unit]) -> Int {
        var low = 0, high = shelf.count
        while low < high {
            let middle = (low + high) / 2
            if units[shelf[middle]].weight <= limit { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
