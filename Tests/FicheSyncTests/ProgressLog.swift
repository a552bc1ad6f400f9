import FicheSync
import Foundation

/// Progress reports collected from the engine's callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [SnapshotProgress] = []

    func append(_ report: SnapshotProgress) { lock.withLock { reports.append(report) } }
    var all: [SnapshotProgress] { lock.withLock { reports } }
}
