/// The JSON body of every error answer.
///
/// `error` is a stable code (`unauthorized`, `device_revoked`, `token_expired`, `bad_request`,
/// `rate_limited`, `cursor_too_old`, `protocol_too_old`, …); `wipe` is true when the client
/// must export its outbox and erase its replica (revoked device).
public struct ErrorBody: Codable, Sendable, Hashable, Error {
    public var error: String
    public var message: String
    public var wipe: Bool?

    public init(error: String, message: String, wipe: Bool? = nil) {
        self.error = error
        self.message = message
        self.wipe = wipe
    }
}
