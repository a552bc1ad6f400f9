import FicheSync
import Foundation
import XCTest

/// Deterministic simulation of several devices syncing through a faulty link with the real
/// server. `FICHE_SIM_SEED=N` replays one seed; `FICHE_SIM_SEEDS` sets how many run (200 by
/// default); `FICHE_SIM_OPERATIONS` the steps per seed (12 by default).
final class SyncSimulationTests: XCTestCase {
    func testSevenInvariantsHoldOverSeededRuns() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64]
        if let replay = environment["FICHE_SIM_SEED"].flatMap({ UInt64($0) }) {
            seeds = [replay]
        } else {
            let count = environment["FICHE_SIM_SEEDS"].flatMap { Int($0) } ?? 200
            seeds = (1...UInt64(max(count, 1))).map { $0 }
        }
        let operations = environment["FICHE_SIM_OPERATIONS"].flatMap { Int($0) } ?? 12
        let started = ContinuousClock.now
        var totals: [String: Int] = [:]
        // Seeds are independent (each has its own server and files), so a few run side by side;
        // each seed's own schedule stays sequential and replays the same way alone.
        let parallel = max(1, environment["FICHE_SIM_PARALLEL"].flatMap { Int($0) } ?? 4)
        var outcomes: [UInt64: (failures: [String], faults: [String], stats: [String: Int])] = [:]
        for start in stride(from: 0, to: seeds.count, by: parallel) {
            let batch = seeds[start..<min(start + parallel, seeds.count)]
            try await withThrowingTaskGroup(of: (UInt64, [String], [String], [String: Int]).self) { group in
                for seed in batch {
                    group.addTask {
                        let outcome = try await SyncSimulation(seed: seed, operations: operations, faultRate: 0.3).run()
                        return (seed, outcome.failures, outcome.faults, outcome.stats)
                    }
                }
                for try await (seed, failures, faults, stats) in group { outcomes[seed] = (failures, faults, stats) }
            }
        }
        for seed in seeds {
            guard let (failures, faults, stats) = outcomes[seed] else { continue }
            totals.merge(stats, uniquingKeysWith: +)
            if !failures.isEmpty {
                XCTFail("seed \(seed): \(failures.prefix(8).joined(separator: "\n  "))\n  faults: \(faults.prefix(30).joined(separator: ", "))\n  replay: FICHE_SIM_SEED=\(seed) swift test --filter SyncSimulationTests")
            }
        }
        // The runs must exercise what they claim to: writes, faults, and each kind of answer.
        if seeds.count >= 20 {
            for key in ["writes", "faults", "applied", "conflict"] {
                XCTAssertGreaterThan(totals[key] ?? 0, 0, "no \(key) in \(seeds.count) seeds: \(totals)")
            }
        }
        print("sync simulation: \(totals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("sync simulation: \(seeds.count) seeds × \(operations) steps in \(ContinuousClock.now - started)")
    }
}
