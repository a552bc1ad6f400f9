import FicheWidgets
import Foundation
import Synchronization

/// Work too long for the key path (a payroll export of 40,000 lines takes over a second),
/// done on its own thread while the app shows its title, a progress bar and the seconds
/// spent. The keyboard loop picks the outcome up (`App.finishWork()`) and shows it on the
/// message line; keys wait until then, so nothing is typed into a screen that is about to change.
///
/// ```swift
/// return .work(BackgroundWork(title: "Export…", started: environment.clock.now()) { report in
///     do {
///         let rows = try database.payrollExport(employerCode: code, month: month, rules: rules, progress: report)
///         return Toast("\(rows.count) lines", kind: .success)
///     } catch {
///         return Toast("Export failed: \(error)", kind: .error)
///     }
/// })
/// ```
public final class BackgroundWork: Sendable {
    private struct State {
        var fraction = 0.0
        var outcome: Toast?
        var finished = false
    }

    public let title: String
    public let started: Date
    private let body: @Sendable (_ report: @escaping @Sendable (Double) -> Void) -> Toast
    private let state = Mutex(State())

    public init(title: String, started: Date,
                _ body: @escaping @Sendable (_ report: @escaping @Sendable (Double) -> Void) -> Toast) {
        self.title = title
        self.started = started
        self.body = body
    }

    /// How far the work is, from 0 to 1.
    public var fraction: Double { state.withLock { $0.fraction } }

    public var isFinished: Bool { state.withLock { $0.finished } }

    func start() {
        Thread.detachNewThread { [self] in
            let outcome = body { fraction in
                self.state.withLock { $0.fraction = min(1, max($0.fraction, fraction)) }
            }
            state.withLock { state in
                state.fraction = 1
                state.outcome = outcome
                state.finished = true
            }
        }
    }

    /// The outcome once, when the work is finished.
    func takeOutcome() -> Toast? {
        state.withLock { state in
            defer { state.outcome = nil }
            return state.finished ? state.outcome : nil
        }
    }

    /// Waits for the work to finish (for tests and scripted runs); false after `timeout` seconds.
    @discardableResult
    public func waitUntilFinished(timeout: TimeInterval = 60) -> Bool {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while !isFinished {
            guard ContinuousClock.now < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }
}
