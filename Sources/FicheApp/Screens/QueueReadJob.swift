import Foundation
import Synchronization

/// A read of a queue worked out by rules (`QueueReading`) on its own thread: the queues screen
/// shows a spinner on its tab and takes the outcome on its next `poll`, so keys keep working
/// while the art. 60 watch or the month checklists of a large replica are read.
final class QueueReadJob: Sendable {
    /// What a read hands back.
    enum Outcome: Sendable {
        case items([QueueItem])
        case closings([MonthClosing])
    }

    private let outcome = Mutex<Result<Outcome, any Error>?>(nil)

    init(_ body: @escaping @Sendable () throws -> Outcome) {
        Thread.detachNewThread { [self] in
            let result = Result { try body() }
            outcome.withLock { $0 = result }
        }
    }

    /// The outcome once finished, else nil.
    func take() -> Result<Outcome, any Error>? { outcome.withLock { $0 } }

    /// Waits until the read is done (tests); false after `timeout` seconds.
    @discardableResult
    func waitUntilFinished(timeout: TimeInterval = 60) -> Bool {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while take() == nil {
            guard ContinuousClock.now < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }
}
