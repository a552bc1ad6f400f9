import FicheSyncProtocol

/// Why a call to the server failed, sorted by what the engine does about it.
public enum SyncTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer (no network, connection reset, timeout): retry later.
    case unreachable(String)
    /// The server answered with an error status and its JSON body (if it could be read).
    case status(Int, ErrorBody?)
    /// The answer could not be read (cut mid-body, not JSON): retry.
    case unreadable(String)

    /// Worth retrying after a pause: the server may have done nothing, or done it once (mutations are idempotent).
    public var isTransient: Bool {
        switch self {
        case .unreachable, .unreadable: return true
        case .status(let code, _): return code >= 500 || code == 429 || code == 408
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let detail): return "the server cannot be reached (\(detail))"
        case .status(let code, let body):
            if let body { return "the server answered \(code) \(body.error): \(body.message)" }
            return "the server answered \(code)"
        case .unreadable(let detail): return "the server's answer could not be read (\(detail))"
        }
    }
}
