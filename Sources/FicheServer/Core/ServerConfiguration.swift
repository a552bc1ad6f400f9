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
    /// Failed logins allowed per login within `throttleWindow` seconds.
    public var maximumFailuresPerLogin = 5
    /// Login attempts allowed per client address within `throttleWindow` seconds.
    public var maximumAttemptsPerAddress = 30
    /// Length of the rate-limit window, in seconds.
    public var throttleWindow: Double = 15 * 60
    /// Longest text accepted in any field (characters); longer values are rejected.
    public var maximumFieldLength = 4_000
    /// The clock; tests move it to expire tokens.
    public var now: @Sendable () -> Date = OfficeClock.system.now

    public init() {}
}
