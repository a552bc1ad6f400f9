/// Why the last background sync did not go through, as the badge's "offline" explains it on
/// Alt+i in the user's language. The sync layer's errors map onto it (`fiche`'s `ServerSync`);
/// `detail` is the technical cause, shown after the sentence for whoever helps the clerk.
public enum SyncTrouble: Hashable, Sendable {
    /// The server did not answer (network down, server stopped): entries wait on this computer.
    case unreachable(detail: String)
    /// The session ended (password changed, device signed out): `fiche login` again.
    case signInAgain(detail: String)
    /// No one is signed in on this replica.
    case notSignedIn
    /// This version of Fiche is older than the server accepts.
    case upgradeRequired(detail: String)
    /// The device was revoked: the replica was erased, unsent entries saved to a file.
    case deviceRevoked(savedTo: String?, count: Int)
    /// The server refused the exchange or the replica is out of step with it: a supervisor looks.
    case refused(detail: String)
    /// A file on this computer could not be written or read.
    case storage(detail: String)
    /// Another Fiche on this replica was syncing; the next sync tries again.
    case busy

    /// The sentence's key in the string tables and its values.
    var message: (key: String, values: [String: String]) {
        switch self {
        case .unreachable(let detail): ("sync.trouble.unreachable", ["detail": detail])
        case .signInAgain(let detail): ("sync.trouble.signInAgain", ["detail": detail])
        case .notSignedIn: ("sync.trouble.notSignedIn", [:])
        case .upgradeRequired(let detail): ("sync.trouble.upgrade", ["detail": detail])
        case .deviceRevoked(let path, let count):
            path.map { ("sync.trouble.revoked.saved", ["path": $0, "count": "\(count)"]) } ?? ("sync.trouble.revoked", [:])
        case .refused(let detail): ("sync.trouble.refused", ["detail": detail])
        case .storage(let detail): ("sync.trouble.storage", ["detail": detail])
        case .busy: ("sync.trouble.busy", [:])
        }
    }
}
