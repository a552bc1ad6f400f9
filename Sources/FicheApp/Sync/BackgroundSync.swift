import Foundation

/// Syncs the replica with the server off the keyboard loop, every `interval` seconds and soon
/// after a local save, and hands what it learnt to the loop through a locked box.
///
/// The sync itself is a closure (the `fiche` command wraps a `SyncSession` in it), so this type
/// knows nothing of the network and is tested with a fake. After a failed sync the next try
/// waits `retryDelay(failuresInARow)` (the command passes its `Backoff`), never longer than
/// `interval`. The keyboard loop never waits on it: it calls `take()` once per turn (at least
/// every second) and `apply(_:to:)` what it gets.
///
/// ```swift
/// let background = BackgroundSync(interval: 30, retryDelay: { backoff.delay(attempt: $0) }) {
///     await session.syncReport()
/// }
/// background.start()
/// // in the terminal loop, after each event or timeout:
/// background.noteLocalChanges(pending: pendingCount)
/// if let report = background.take() { background.apply(report, to: app) }
/// ```
public final class BackgroundSync: @unchecked Sendable {
    /// Seconds between two syncs when nothing happens.
    public let interval: Double
    private let retryDelay: @Sendable (Int) -> Double
    private let sync: @Sendable () async -> SyncReport
    private let lock = NSLock()
    private var waiting: SyncReport?
    private var wakeRequested = false
    private var lastPending: Int?
    private var lastSuccess: Date?
    private var task: Task<Void, Never>?

    /// - Parameters:
    ///   - interval: seconds between syncs while nothing is saved.
    ///   - retryDelay: seconds before the next try after `n` failed syncs in a row.
    ///   - sync: one sync, never throwing: a failure is a report with `reachedServer == false`.
    public init(interval: Double = 30, retryDelay: @escaping @Sendable (Int) -> Double = { _ in 30 },
                sync: @escaping @Sendable () async -> SyncReport) {
        self.interval = interval
        self.retryDelay = retryDelay
        self.sync = sync
    }

    deinit { task?.cancel() }

    /// Starts the loop: a first sync at once, then one per interval or local save.
    public func start() {
        lock.withLock {
            guard task == nil else { return }
            task = Task.detached { [weak self] in await self?.run() }
        }
    }

    /// Stops the loop (a sync under way finishes in the replica; its report is dropped).
    public func stop() {
        lock.withLock {
            task?.cancel()
            task = nil
        }
    }

    /// Runs one sync outside the loop and waits for it (before the TUI opens); its report is
    /// handed over by the next `take()` like any other.
    @discardableResult
    public func syncOnce() async -> SyncReport {
        let report = await sync()
        deliver(report)
        return report
    }

    /// Asks for a sync now rather than at the end of the interval.
    public func requestSync() {
        lock.withLock { wakeRequested = true }
    }

    /// Tells the loop how many changes wait in the outbox; a higher count than last time is a
    /// local save, which is pushed without waiting for the interval.
    public func noteLocalChanges(pending: Int) {
        lock.withLock {
            if let last = lastPending, pending > last { wakeRequested = true }
            lastPending = pending
        }
    }

    /// The reports since the last call, as one; nil when no sync ended meanwhile.
    public func take() -> SyncReport? {
        lock.withLock {
            defer { waiting = nil }
            return waiting
        }
    }

    /// Shows `report` in `app`: the badge's online state and last sync time, and the screen on
    /// top read again when the pull brought changes. The time is Brussels time, as everywhere.
    public func apply(_ report: SyncReport, to app: App) {
        if report.reachedServer { lock.withLock { lastSuccess = report.finishedAt } }
        let last = lock.withLock { lastSuccess }
        app.showSyncStatus(SyncBadgeState(isOnline: report.reachedServer,
                                          lastSync: last.map(app.environment.clock.clockTime),
                                          trouble: report.reachedServer ? nil : report.trouble))
        if report.pulledChanges > 0 { app.reloadTop() }
    }

    // MARK: The sync task

    private func run() async {
        var failures = 0
        while !Task.isCancelled {
            let report = await sync()
            guard !Task.isCancelled else { return }
            deliver(report)
            failures = report.reachedServer ? 0 : failures + 1
            let wait = failures == 0 ? interval : min(interval, max(0, retryDelay(failures)))
            await pause(upTo: wait)
        }
    }

    private func deliver(_ report: SyncReport) {
        lock.withLock { waiting = waiting.map { $0.followed(by: report) } ?? report }
    }

    /// A duration in seconds.
    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Waits `seconds`, or less when a sync is asked for meanwhile.
    private func pause(upTo seconds: Double) async {
        let end = ContinuousClock.now + .seconds(seconds)
        while !Task.isCancelled, ContinuousClock.now < end {
            let woken = lock.withLock {
                defer { wakeRequested = false }
                return wakeRequested
            }
            if woken { return }
            // try?: the sleep only throws when the task is cancelled, and the loop then ends on its own.
            try? await Task.sleep(nanoseconds: UInt64(min(0.1, max(0.001, Self.seconds(end - ContinuousClock.now))) * 1e9))
        }
    }
}
