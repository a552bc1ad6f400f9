import Foundation

/// One sync at a time on a replica, whichever process runs it: the open interface's background
/// sync, `fiche sync --once` from cron, a script's `fiche import` followed by a sync.
///
/// An exclusive `flock` on `<replica>.sync-lock` (mode 0600), taken without blocking a thread:
/// a second sync waits for the first, polling every 50 ms, then runs on what the first left (a
/// push with nothing new, a short pull). The kernel drops the lock when its process dies, so a
/// killed sync never leaves a replica locked.
///
/// ```swift
/// let lock = try await ReplicaSyncLock.acquire(replicaPath: replica.path, waiting: 120)
/// defer { lock.release() }
/// ```
final class ReplicaSyncLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Waits up to `seconds` for the replica's sync lock.
    /// - Throws: `SyncError.storage` when the lock file cannot be opened, `.busy` when another
    ///   sync held the lock the whole time.
    static func acquire(replicaPath: String, waiting seconds: Double) async throws -> ReplicaSyncLock {
        let path = replicaPath + ".sync-lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SyncError.storage("\(path): cannot open the sync lock (\(String(cString: strerror(errno))))") }
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return ReplicaSyncLock(descriptor: descriptor) }
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(descriptor)
                throw SyncError.storage("\(path): cannot take the sync lock (\(String(cString: strerror(reason))))")
            }
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw SyncError.busy("another sync of this replica has been running for \(Int(seconds)) s; it will send your entries")
            }
            do {
                try await Task.sleep(nanoseconds: 50_000_000)
            } catch {
                close(descriptor)
                throw error
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
