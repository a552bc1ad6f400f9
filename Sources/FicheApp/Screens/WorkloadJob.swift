import FicheDomain
import Foundation
import Synchronization

/// A computation of the workload screen (weighing every team, a proposal, a what-if) on its own
/// thread, so keys keep working while it runs: the screen shows a spinner and takes the outcome
/// on its next `poll` (the terminal loop polls ten times a second while a screen is busy).
final class WorkloadJob: Sendable {
    /// What a job hands back.
    enum Outcome: Sendable {
        case weighed([String: RebalancingProposal])
        case proposal(RebalancingProposal)
        case pooling(PoolingWhatIf)
        case failed(Error)
    }

    private let outcome = Mutex<Outcome?>(nil)

    init(_ body: @escaping @Sendable () -> Outcome) {
        Thread.detachNewThread { [self] in
            let result = body()
            outcome.withLock { $0 = result }
        }
    }

    var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// The outcome once finished, else nil.
    func take() -> Outcome? { outcome.withLock { $0 } }

    /// Waits until the job is done (tests); false after `timeout` seconds.
    @discardableResult
    func waitUntilFinished(timeout: TimeInterval = 60) -> Bool {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while !isFinished {
            guard ContinuousClock.now < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }
}
