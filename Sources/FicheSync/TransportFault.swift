/// A failure of a weak link that `FaultyTransport` can inject into one call.
public enum TransportFault: String, Sendable, CaseIterable, Hashable {
    /// The request never reaches the server.
    case dropRequest = "drop-request"
    /// The server does the work and commits, but the answer is lost.
    case dropResponse = "drop-response"
    /// The request arrives twice; the client sees the second answer.
    case duplicate
    /// An earlier pull answer arrives again instead of this one (delayed, out of order).
    case reorder
    /// The answer is cut mid-body and cannot be decoded.
    case cutBody = "cut-body"
    /// HTTP 500 without doing anything.
    case internalError = "500"
    /// HTTP 503 without doing anything.
    case unavailable = "503"
    /// HTTP 401 `token_expired` in the middle of a sync.
    case expiredToken = "401"
}
