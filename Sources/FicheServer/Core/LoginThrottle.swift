import Foundation

/// Limits login attempts per login (failures) and per client address (all attempts).
actor LoginThrottle {
    private let maximumFailuresPerLogin: Int
    private let maximumAttemptsPerAddress: Int
    private let window: Double
    private var failures: [String: [Double]] = [:]
    private var attempts: [String: [Double]] = [:]
    private var lastPrune = 0.0

    init(configuration: ServerConfiguration) {
        maximumFailuresPerLogin = configuration.maximumFailuresPerLogin
        maximumAttemptsPerAddress = configuration.maximumAttemptsPerAddress
        window = configuration.throttleWindow
    }

    /// Records an attempt; false when the login or the address is over its limit.
    func allow(login: String, address: String, at now: Double) -> Bool {
        prune(at: now)
        let recentAttempts = (attempts[address] ?? []).filter { now - $0 < window }
        let recentFailures = (failures[login] ?? []).filter { now - $0 < window }
        attempts[address] = recentAttempts + [now]
        failures[login] = recentFailures.isEmpty ? nil : recentFailures
        return recentAttempts.count < maximumAttemptsPerAddress && recentFailures.count < maximumFailuresPerLogin
    }

    func recordFailure(login: String, at now: Double) {
        failures[login, default: []].append(now)
    }

    func recordSuccess(login: String) {
        failures[login] = nil
    }

    /// Logins and addresses currently remembered (what a flood of made-up logins would grow).
    var trackedCount: Int { failures.count + attempts.count }

    /// Forgets logins and addresses with nothing inside the window, once per window: the memory
    /// follows the recent attempts, not every login or address ever tried.
    private func prune(at now: Double) {
        guard now - lastPrune >= window else { return }
        lastPrune = now
        failures = failures.filter { $0.value.contains { now - $0 < window } }
        attempts = attempts.filter { $0.value.contains { now - $0 < window } }
    }
}
