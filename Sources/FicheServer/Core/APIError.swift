import FicheSyncProtocol
import Hummingbird

/// An error answered to a client with a status and an `ErrorBody`.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var body: ErrorBody
    /// Seconds after which the caller may try again (the `Retry-After` header of a 429).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, wipe: Bool? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.body = ErrorBody(error: code, message: message, wipe: wipe)
        self.retryAfter = retryAfter
    }

    public var description: String { "\(status.code) \(body.error): \(body.message)" }

    static func unauthorized(_ message: String = "missing or invalid access token") -> APIError {
        APIError(.unauthorized, "unauthorized", message)
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(.badRequest, "bad_request", message)
    }
}
