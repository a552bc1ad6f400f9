/// Why a sync stopped, in words a clerk or a supervisor can act on.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No device token: sign in first.
    case notSignedIn(String)
    /// The server could not be reached or kept failing; local work continues, sync retries later.
    case offline(String)
    /// The session expired or the password changed: sign in again.
    case signInAgain(String)
    /// The device was revoked: the replica was erased; unsent changes were saved to `exportedTo`.
    case deviceRevoked(exportedTo: String?, count: Int)
    /// This version of Fiche is too old for the server (HTTP 426); local work continues.
    case upgradeRequired(String)
    /// The server refused a request for another reason.
    case refused(String)
    /// The server and the replica disagree on mutation numbering (gap); needs a supervisor.
    case outOfStep(String)
    /// A local file could not be written.
    case storage(String)
    /// Another process kept this replica's sync for longer than a sync waits; it sends the
    /// entries itself, and the next sync tries again.
    case busy(String)
    /// The login or password was refused (a sign-in), or the current password was (a password
    /// change): nothing was changed.
    case wrongPassword
    /// Too many failed sign-ins for this login from this address: the server waits 15 minutes.
    case tooManyAttempts

    public var description: String {
        switch self {
        case .notSignedIn(let detail): return detail
        case .offline(let detail): return "offline: \(detail)"
        case .signInAgain(let detail): return "sign in again: \(detail)"
        case .deviceRevoked(let path, let count):
            if let path { return "this device was revoked; the replica was erased and \(count) unsent change(s) were saved to \(path)" }
            return "this device was revoked; the replica was erased (no unsent changes)"
        case .upgradeRequired(let detail): return "update Fiche to sync: \(detail)"
        case .refused(let detail): return "the server refused: \(detail)"
        case .outOfStep(let detail): return "sync is out of step with the server: \(detail)"
        case .storage(let detail): return detail
        case .busy(let detail): return detail
        case .wrongPassword: return "wrong login or password"
        case .tooManyAttempts: return "too many attempts; wait 15 minutes"
        }
    }
}
