import FicheDomain
import Foundation

/// Settings of a running server; tests lower the bcrypt cost and the throttle limits.
public struct ServerConfiguration: Sendable {
    /// bcrypt cost for new password hashes (12 in production; 4 in tests).
    public var bcryptCost: UInt8 = 12
    /// Lifetime of an access token.
    public var accessTokenLifetime: Int = 15 * 60
    /// Lifetime of a refresh token; after it, the user signs in again.
    public var refreshTokenLifetime: Int = 30 * 24 * 3600
    /// Failed logins per login (and per login and address) within `throttleWindow` seconds
    /// before the login slows down and that address is refused for a while (`LoginThrottle`).
    public var maximumFailuresPerLogin = 5
    /// Failed logins per client address within `throttleWindow` seconds before the address is
    /// refused for a while; successful logins do not count.
    public var maximumAttemptsPerAddress = 30
    /// Length of the rate-limit window, in seconds.
    public var throttleWindow: Double = 15 * 60
    /// The longest a login waits because of other people's failures on that account (seconds).
    public var maximumLoginDelay: Double = 60
    /// How the server waits before checking a slowed-down login (tests record instead of sleeping).
    public var pause: @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }
    /// The bearer token `/metrics` asks for (`serve --metrics-token-file`); without one the
    /// route is off (404): request counts and latencies are not for anyone who asks.
    public var metricsToken: String?
    /// Seconds after which an HTTP connection that sends nothing is closed (the sync client
    /// opens a new one when it needs it).
    public var idleTimeout: Double = 60
    /// Reverse proxies whose `X-Forwarded-For` names the client (`serve --trusted-proxy`).
    public var trustedProxies: [IPNetwork] = []
    /// Longest text accepted in any field (characters); longer values are rejected.
    public var maximumFieldLength = 4_000
    /// The clock; tests move it to expire tokens.
    public var now: @Sendable () -> Date = OfficeClock.system.now

    public init() {}
}
