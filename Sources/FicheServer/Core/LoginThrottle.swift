import Foundation

/// Limits login attempts per login (failures) and per client address (all attempts).
actor LoginThrottle {
    private let maximumFailuresPerLogin: Int
    private let maximumAttemptsPerAddress: Int
    private let window: Double
    private var failures: [String: [Double]] = [:]
    private var attempts: [String: [Double]] = [:]

    init(configuration: ServerConfiguration) {
        maximumFailuresPerLogin = configuration.maximumFailuresPerLogin
        maximumAttemptsPerAddress = configuration.maximumAttemptsPerAddress
        window = configuration.throttleWindow
    }

    /// Records an attempt; false when the login or the address is over its limit.
    func allow(login: String, address: String, at now: Double) -> Bool {
        let recentAttempts = (attempts[address] ?? []).filter { now - $0 < window }
        let recentFailures = (failures[login] ?? []).filter { now - $0 < window }
        attempts[address] = recentAttempts + [now]
        failures[login] = recentFailures
        return recentAttempts.count < maximumAttemptsPerAddress && recentFailures.count < maximumFailuresPerLogin
    }

    func recordFailure(login: String, at now: Double) {
        failures[login, default: []].append(now)
    }

    func recordSuccess(login: String) {
        failures[login] = nil
    }
}
