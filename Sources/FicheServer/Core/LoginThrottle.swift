import Foundation

/// Slows password guessing without letting anyone lock a colleague out.
///
/// Three counters of recent failed logins, kept in the store (table `login_throttle`), so they
/// hold across a restart and across several server instances on one database:
/// - per login and address: after `maximumFailuresPerLogin` failures the pair is refused (429)
///   for 30 s, doubling with each further failure up to the window. This is what stops a guesser.
/// - per login, from any address: after as many failures, each login of that account waits
///   1 s, doubling up to `maximumLoginDelay` (60 s), and is then checked: slower, never refused,
///   so the owner of the account signs in from their own desk within a minute whatever a
///   colleague typed elsewhere. A device already signed in (its `device_id`) does not wait.
/// - per address: after `maximumAttemptsPerAddress` failures (password spraying over many
///   logins) the address is refused like a pair. Successful logins never count against it, so
///   the users behind one reverse proxy or one office router do not lock each other out.
///
/// An attempt is counted as a failure *before* its password is checked, in one transaction, and
/// taken back when the password was right: twelve wrong passwords sent at once meet the limit
/// like twelve in a row.
struct LoginThrottle: Sendable {
    let store: any ServerStore
    let configuration: ServerConfiguration

    /// What to do with an attempt.
    enum Verdict: Equatable, Sendable {
        /// Check the password after waiting `delay` seconds.
        case proceed(delay: Double)
        /// Refuse at once; the caller may try again after `retryAfter` seconds.
        case refuse(retryAfter: Int)
    }

    /// The three counters' keys of an attempt.
    struct Keys: Sendable {
        let pair: String
        let login: String
        let address: String

        init(login: String, address: String) {
            pair = "pair\u{1F}" + login + "\u{1F}" + address
            self.login = "login\u{1F}" + login
            self.address = "address\u{1F}" + address
        }
    }

    /// Counts the attempt and says whether it may go on.
    func admit(login: String, address: String, knownDevice: Bool, at now: Date) async throws -> Verdict {
        let keys = Keys(login: login, address: address)
        let nowMillis = Self.millis(now)
        let window = Int64(configuration.throttleWindow * 1_000)
        return try await store.write { tx in
            // The row of the empty key is the throttle's lock: upserting it first makes every
            // admission wait for the one before it to commit (PostgreSQL reads committed rows
            // only, so two attempts at once would otherwise both read the count before either).
            try await tx.execute(
                """
                INSERT INTO login_throttle (key, failures, last_at) VALUES ('', 0, ?)
                ON CONFLICT (key) DO UPDATE SET last_at = excluded.last_at
                """, [.int(nowMillis)])
            try await tx.execute("DELETE FROM login_throttle WHERE last_at < ?", [.int(nowMillis - window)])
            var counts: [String: (failures: Int, lastAt: Int64)] = [:]
            for row in try await tx.query("SELECT key, failures, last_at FROM login_throttle WHERE key IN (?, ?, ?)",
                                          [.text(keys.pair), .text(keys.login), .text(keys.address)]) {
                guard let key = row.string("key") else { continue }
                counts[key] = (Int(row.int("failures") ?? 0), row.int("last_at") ?? 0)
            }
            let limits = [(keys.pair, configuration.maximumFailuresPerLogin), (keys.address, configuration.maximumAttemptsPerAddress)]
            for (key, limit) in limits {
                guard let count = counts[key], count.failures >= limit else { continue }
                let until = count.lastAt + Int64(refusal(beyond: count.failures - limit) * 1_000)
                if nowMillis < until { return .refuse(retryAfter: Int((until - nowMillis + 999) / 1_000)) }
            }
            for key in [keys.pair, keys.login, keys.address] {
                try await tx.execute(
                    """
                    INSERT INTO login_throttle (key, failures, last_at) VALUES (?, 1, ?)
                    ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, last_at = excluded.last_at
                    """, [.text(key), .int(nowMillis)])
            }
            let loginFailures = counts[keys.login]?.failures ?? 0
            guard !knownDevice, loginFailures >= configuration.maximumFailuresPerLogin else { return .proceed(delay: 0) }
            return .proceed(delay: delay(beyond: loginFailures - configuration.maximumFailuresPerLogin))
        }
    }

    /// The password was right: the attempt is taken back from the address, and the login and
    /// the pair start from nothing.
    func succeeded(login: String, address: String) async throws {
        let keys = Keys(login: login, address: address)
        try await store.write { tx in
            try await tx.execute("DELETE FROM login_throttle WHERE key IN (?, ?)", [.text(keys.pair), .text(keys.login)])
            try await tx.execute("UPDATE login_throttle SET failures = failures - 1 WHERE key = ? AND failures > 0",
                                 [.text(keys.address)])
        }
    }

    /// Seconds a pair or an address is refused, `extra` failures past its limit.
    func refusal(beyond extra: Int) -> Double {
        min(configuration.throttleWindow, 30 * pow(2, Double(min(max(extra, 0), 20))))
    }

    /// Seconds a login waits, `extra` failures past the limit.
    func delay(beyond extra: Int) -> Double {
        min(configuration.maximumLoginDelay, pow(2, Double(min(max(extra, 0), 20))))
    }

    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded(.down))
    }
}
