import Foundation

/// An exclusive `flock` on a file, held until `release()`: a second process asking for it waits.
final class FolderLock: Sendable {
    private let descriptor: Int32

    /// Waits for the lock on `path` (created with mode 0600 if needed).
    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DemoServerProblem.cannotLock(path: path) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw DemoServerProblem.cannotLock(path: path)
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
