import FicheDomain
import FicheSyncProtocol
import Foundation

/// Sign-in, token refresh, and the check every request goes through.
///
/// Tokens are random, stored as SHA-256 hashes, bound to one device and expiring; grants
/// are read from the database at each request, never from the token.
public struct Authenticator: Sendable {
    let store: any ServerStore
    let configuration: ServerConfiguration
    let throttle: LoginThrottle
    /// A valid bcrypt hash to verify against when the login is unknown, so that timing does
    /// not reveal which logins exist.
    let decoyHash: String
    /// Callers authenticated lately, confirmed at each request by `probe`.
    let callers = CallerCache()
    /// The clock and auth generation, read once for all requests waiting at the same time.
    let probe: ClockProbe

    init(store: any ServerStore, configuration: ServerConfiguration) async {
        self.store = store
        self.configuration = configuration
        self.probe = ClockProbe(store: store)
        self.throttle = LoginThrottle(store: store, configuration: configuration)
        self.decoyHash = await PasswordHasher.hash("decoy-password", cost: configuration.bcryptCost)
    }

    /// Checks the password and registers a new device; answers its tokens.
    func login(_ request: LoginRequest, address: String) async throws -> TokenResponse {
        let now = configuration.now()
        guard request.login.utf8.count <= 256, request.device.utf8.count <= 256, request.password.utf8.count <= 1024 else {
            throw APIError.unauthorized("wrong login or password")
        }
        let user = try await store.read { tx in
            try await tx.first("SELECT id, password_hash, active FROM users WHERE login = ?", [.text(request.login)])
        }
        let knownDevice = try await isLiveDevice(request.deviceID, of: user?.string("id"))
        switch try await throttle.admit(login: request.login, address: address, knownDevice: knownDevice, at: now) {
        case .refuse(let seconds):
            try await audit(userID: nil, deviceID: nil, action: "login", decision: "rate_limited", detail: request.login)
            throw APIError(.tooManyRequests, "rate_limited",
                           "too many failed logins from this address; try again in \(seconds) s", retryAfter: seconds)
        case .proceed(let delay):
            if delay > 0 { try await configuration.pause(delay) }
        }
        let hash = user?.string("password_hash") ?? decoyHash
        let passwordMatches = await PasswordHasher.verify(request.password, hash: hash)
        guard let user, let userID = user.string("id"), passwordMatches, user.int("active") == 1 else {
            try await audit(userID: user?.string("id"), deviceID: nil, action: "login", decision: "denied", detail: request.login)
            throw APIError.unauthorized("wrong login or password")
        }
        try await throttle.succeeded(login: request.login, address: address)
        let nowText = Timestamps.iso(now)
        let deviceName = request.device.isEmpty ? "unnamed device" : request.device
        return try await store.write { tx in
            // The same computer signing in again keeps its device: its replica's outbox goes on
            // with the same mutation numbering, so nothing already applied is applied again.
            if let known = request.deviceID, known.utf8.count <= 64,
               try await tx.first("SELECT id FROM devices WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                                  [.text(known), .text(userID)]) != nil {
                let tokens = issueTokens(deviceID: known, userID: userID, now: now)
                try await tx.execute(
                    """
                    UPDATE devices SET access_hash = ?, access_expires_at = ?, refresh_hash = ?, refresh_expires_at = ?,
                                       previous_refresh_hash = NULL, tokens_used = 0, last_seen_at = ? WHERE id = ?
                    """,
                    [.text(Secrets.hash(tokens.response.accessToken)), .int(tokens.accessExpiry),
                     .text(Secrets.hash(tokens.response.refreshToken)), .int(tokens.refreshExpiry), .text(nowText), .text(known)])
                try await AuditLog.record(.init(userID: userID, deviceID: known, action: "login", decision: "allowed",
                                                entity: "device", entityID: known, newValue: "same device"), at: nowText, in: tx)
                return tokens.response
            }
            let deviceID = Secrets.identifier()
            let tokens = issueTokens(deviceID: deviceID, userID: userID, now: now)
            try await tx.execute(
                """
                INSERT INTO devices (id, user_id, name, access_hash, access_expires_at, refresh_hash, refresh_expires_at,
                                     last_mutation_id, created_at, last_seen_at, tokens_used) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0)
                """,
                [.text(deviceID), .text(userID), .text(deviceName), .text(Secrets.hash(tokens.response.accessToken)),
                 .int(tokens.accessExpiry), .text(Secrets.hash(tokens.response.refreshToken)), .int(tokens.refreshExpiry),
                 .text(nowText), .text(nowText)])
            try await AuditLog.record(.init(userID: userID, deviceID: deviceID, action: "login", decision: "allowed",
                                            entity: "device", entityID: deviceID, newValue: deviceName), at: nowText, in: tx)
            return tokens.response
        }
    }

    /// Exchanges a refresh token for new tokens (both are rotated).
    ///
    /// On a weak link the answer can be lost after the server rotated the tokens; the client
    /// then still holds the previous refresh token. That token is accepted once more as long as
    /// the pair issued in exchange has not been used, so the device is not locked out. Presented
    /// after that pair was used, it can only be a copy in someone else's hands: every token of
    /// the device stops working (its owner signs in again, keeping the device) and the reuse is
    /// audited.
    func refresh(_ request: RefreshRequest) async throws -> TokenResponse {
        let now = configuration.now()
        let epoch = Int64(now.timeIntervalSince1970)
        let nowText = Timestamps.iso(now)
        let presented = Secrets.hash(request.refreshToken)
        let outcome: Result<TokenResponse, APIError> = try await store.write { tx in
            let columns = "d.id, d.user_id, d.refresh_expires_at, d.revoked_at, d.tokens_used, u.active"
            var device = try await tx.first(
                "SELECT \(columns) FROM devices d JOIN users u ON u.id = d.user_id WHERE d.refresh_hash = ?", [.text(presented)])
            if device == nil {
                device = try await tx.first(
                    "SELECT \(columns) FROM devices d JOIN users u ON u.id = d.user_id WHERE d.previous_refresh_hash = ?",
                    [.text(presented)])
                guard let replayed = device, let deviceID = replayed.string("id") else {
                    return .failure(APIError.unauthorized("unknown refresh token"))
                }
                if replayed.int("tokens_used") != 0 {
                    try await tx.execute(
                        """
                        UPDATE devices SET access_hash = ?, refresh_hash = ?, previous_refresh_hash = NULL, access_expires_at = 0,
                                           refresh_expires_at = 0 WHERE id = ?
                        """,
                        [.text(Secrets.hash(Secrets.token(prefix: "void_"))), .text(Secrets.hash(Secrets.token(prefix: "void_"))),
                         .text(deviceID)])
                    try await AuditLog.record(.init(userID: replayed.string("user_id"), deviceID: deviceID, action: "refresh",
                                                    decision: "denied reused", entity: "device", entityID: deviceID),
                                              at: nowText, in: tx)
                    return .failure(APIError(.unauthorized, "refresh_reused",
                                             "this refresh token was already used; sign in again"))
                }
            }
            guard let device, let deviceID = device.string("id") else {
                return .failure(APIError.unauthorized("unknown refresh token"))
            }
            if device.string("revoked_at") != nil {
                return .failure(APIError(.unauthorized, "device_revoked",
                                         "this device was revoked; export the outbox and wipe the replica", wipe: true))
            }
            guard device.int("active") == 1 else { return .failure(APIError.unauthorized("the account is disabled")) }
            guard (device.int("refresh_expires_at") ?? 0) > epoch else {
                return .failure(APIError(.unauthorized, "token_expired", "the session expired; sign in again"))
            }
            let userID = device.string("user_id")
            let tokens = issueTokens(deviceID: deviceID, userID: userID, now: now)
            try await tx.execute(
                """
                UPDATE devices SET access_hash = ?, access_expires_at = ?, refresh_hash = ?, refresh_expires_at = ?,
                                   previous_refresh_hash = ?, tokens_used = 0, last_seen_at = ? WHERE id = ?
                """,
                [.text(Secrets.hash(tokens.response.accessToken)), .int(tokens.accessExpiry),
                 .text(Secrets.hash(tokens.response.refreshToken)), .int(tokens.refreshExpiry), .text(presented),
                 .text(nowText), .text(deviceID)])
            try await AuditLog.record(.init(userID: userID, deviceID: deviceID, action: "refresh",
                                            decision: "allowed"), at: nowText, in: tx)
            return .success(tokens.response)
        }
        // A reuse is answered after its transaction commits, so that the device's tokens do stop.
        return try outcome.get()
    }

    /// The caller behind an `Authorization: Bearer …` header, with their current grants.
    ///
    /// - Throws: `APIError` 401 (`unauthorized`, `token_expired`, or `device_revoked` with `wipe`).
    func authenticate(authorization: String?) async throws -> Caller {
        try await authenticateWithClock(authorization: authorization).caller
    }

    /// The caller, with a reading of the clock taken after the request arrived.
    ///
    /// One statement per request at most: either the shared `ClockProbe` reading confirms a
    /// cached caller (same auth generation, same day, token not expired), or one query reads
    /// the device, the user, their grants, the clock and the generation together.
    ///
    /// - Throws: `APIError` 401 (`unauthorized`, `token_expired`, or `device_revoked` with `wipe`).
    func authenticateWithClock(authorization: String?) async throws -> (caller: Caller, clock: ClockReading) {
        guard let authorization, authorization.hasPrefix("Bearer "), authorization.utf8.count < 512 else {
            throw APIError.unauthorized()
        }
        let tokenHash = Secrets.hash(String(authorization.dropFirst("Bearer ".count)))
        let now = configuration.now()
        let epoch = Int64(now.timeIntervalSince1970)
        let today = Timestamps.brusselsDay(now)
        if let cached = callers.entry(forTokenHash: tokenHash), cached.day == today, cached.accessExpiresAt > epoch {
            let clock = try await probe.read()
            // A restored database may bring an older generation back and reach the cached one
            // again: the identity tells the two databases apart.
            if clock.authGeneration == cached.generation && clock.identity == cached.identity {
                return (cached.caller, clock)
            }
        }
        let sql = Self.callerSQL(store.backend)
        let rows = try await store.read { tx in try await tx.query(sql, [.text(tokenHash)]) }
        guard let row = rows.first else { throw APIError(.serviceUnavailable, "unavailable", "store not migrated") }
        let clock = try ClockReading(row)
        guard let deviceID = row.string("device_id"), let userID = row.string("user_id") else { throw APIError.unauthorized() }
        if row.string("revoked_at") != nil {
            throw APIError(.unauthorized, "device_revoked", "this device was revoked; export the outbox and wipe the replica", wipe: true)
        }
        guard row.int("active") == 1 else { throw APIError.unauthorized("the account is disabled") }
        let expiresAt = row.int("access_expires_at") ?? 0
        guard expiresAt > epoch else {
            throw APIError(.unauthorized, "token_expired", "the access token expired; refresh it")
        }
        if row.int("tokens_used") == 0 {
            // First use of a rotated pair: from now on its predecessor's refresh token is a replay.
            try await store.write { tx in
                try await tx.execute("UPDATE devices SET tokens_used = 1 WHERE id = ?", [.text(deviceID)])
            }
        }
        let grants = rows.compactMap { GrantLoader.grant(from: $0, userID: userID, idColumn: "grant_id") }
        let caller = Caller(userID: userID, login: row.string("login") ?? "", displayName: row.string("display_name") ?? "",
                            deviceID: deviceID, lastMutationID: row.int("last_mutation_id") ?? 0,
                            rights: AccessRights(userID: userID, grants: grants, on: today))
        callers.store(.init(caller: caller, generation: clock.authGeneration, identity: clock.identity, day: today,
                            accessExpiresAt: expiresAt),
                      forTokenHash: tokenHash)
        return (caller, clock)
    }

    /// The device of a token hash, its user and each of their grants (one row per grant, or
    /// one row without a grant), beside the clock and the auth generation: one snapshot.
    /// Always one row at least, even for an unknown token.
    static func callerSQL(_ backend: String) -> String {
        """
        SELECT c.seq, c.horizon, a.value AS auth_generation, \(ServerSchema.identitySQL(backend)) AS store_identity,
               d.id AS device_id, d.user_id, d.access_expires_at, d.revoked_at, d.last_mutation_id, d.tokens_used,
               u.login, u.display_name, u.active,
               g.id AS grant_id, g.employer_code, g.role, g.valid_from, g.valid_to
        FROM sync_clock c
        JOIN auth_generation a ON a.id = 1
        LEFT JOIN devices d ON d.access_hash = ?
        LEFT JOIN users u ON u.id = d.user_id
        LEFT JOIN grants g ON g.user_id = d.user_id
        WHERE c.id = 1
        """
    }

    private func issueTokens(deviceID: String, userID: String?, now: Date)
        -> (response: TokenResponse, accessExpiry: Int64, refreshExpiry: Int64) {
        let epoch = Int64(now.timeIntervalSince1970)
        let response = TokenResponse(deviceID: deviceID, userID: userID, accessToken: Secrets.token(prefix: "fa_"),
                                     refreshToken: Secrets.token(prefix: "fr_"), expiresIn: configuration.accessTokenLifetime)
        return (response, epoch + Int64(configuration.accessTokenLifetime), epoch + Int64(configuration.refreshTokenLifetime))
    }

    /// Whether `deviceID` is a device of `userID` not revoked: a computer already signed in,
    /// which other people's failed logins do not slow down.
    private func isLiveDevice(_ deviceID: String?, of userID: String?) async throws -> Bool {
        guard let deviceID, let userID, deviceID.utf8.count <= 64 else { return false }
        return try await store.read { tx in
            try await tx.first("SELECT id FROM devices WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                               [.text(deviceID), .text(userID)]) != nil
        }
    }

    private func audit(userID: String?, deviceID: String?, action: String, decision: String, detail: String?) async throws {
        let now = Timestamps.iso(configuration.now())
        let detail = detail.map { String($0.prefix(256)) }
        try await store.write { tx in
            try await AuditLog.record(.init(userID: userID, deviceID: deviceID, action: action, decision: decision,
                                            newValue: detail), at: now, in: tx)
        }
    }
}
