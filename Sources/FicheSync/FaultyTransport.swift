import FicheDomain
import FicheReplica
import FicheSyncProtocol

/// A transport that injects the failures of a weak link around a real one, decided by a seeded
/// random generator so that a failing run can be replayed exactly.
///
/// Sign-in passes through untouched. A token refresh can be dropped, duplicated or lose its
/// answer after the server rotated the tokens: the server then accepts the previous refresh
/// token once more, so the device is not locked out.
///
/// ```swift
/// let chaos = FaultyTransport(wrapping: HTTPSyncTransport(server: url), seed: 42, rate: 0.3)
/// let session = SyncSession(replica: replica, transport: chaos, credentials: store)
/// ```
public actor FaultyTransport: SyncTransport {
    let inner: any SyncTransport
    var random: SeededGenerator
    /// Probability that a call gets a fault (0 = a perfect link).
    public var rate: Double
    /// The faults to choose from.
    public var faults: [TransportFault]
    /// Every fault injected, in order, e.g. `pull#12 drop-response` (printed when a test fails).
    public private(set) var log: [String] = []
    private var calls = 0
    private var earlierPull: PullResponse?

    public init(wrapping inner: any SyncTransport, seed: UInt64, rate: Double, faults: [TransportFault] = TransportFault.allCases) {
        self.inner = inner
        self.random = SeededGenerator(seed: seed)
        self.rate = rate
        self.faults = faults
    }

    /// Changes how often faults happen (0 heals the link).
    public func setRate(_ rate: Double) {
        self.rate = rate
    }

    public nonisolated func login(_ request: LoginRequest) async throws -> TokenResponse {
        try await inner.login(request)
    }

    /// Changing a password is not a sync; it passes unharmed.
    public nonisolated func changePassword(_ request: PasswordChange, accessToken: String) async throws {
        try await inner.changePassword(request, accessToken: accessToken)
    }

    public func refresh(_ request: RefreshRequest) async throws -> TokenResponse {
        let fault = decide(allowReorder: false)
        // An expired-token answer to a refresh is not a weak link's doing.
        return try await apply(fault == .expiredToken ? nil : fault, "refresh") { try await self.inner.refresh(request) }
    }

    public func push(_ request: PushRequest, accessToken: String) async throws -> PushResponse {
        try await inject("push", allowReorder: false) { try await self.inner.push(request, accessToken: accessToken) }
    }

    public func pull(cursor: Int64, limit: Int, resultsAfter: Int64?, accessToken: String) async throws -> PullResponse {
        let fault = decide(allowReorder: earlierPull != nil)
        if fault == .reorder, let stale = earlierPull {
            log.append("pull#\(calls) reorder")
            return stale
        }
        let answer = try await apply(fault, "pull") {
            try await self.inner.pull(cursor: cursor, limit: limit, resultsAfter: resultsAfter, accessToken: accessToken)
        }
        earlierPull = answer
        return answer
    }

    public func snapshot(token: String?, employer: String?, limit: Int, accessToken: String) async throws -> SnapshotPage {
        try await inject("snapshot", allowReorder: false) {
            try await self.inner.snapshot(token: token, employer: employer, limit: limit, accessToken: accessToken)
        }
    }

    private func inject<T: Sendable>(_ name: String, allowReorder: Bool, _ call: @Sendable () async throws -> T) async throws -> T {
        try await apply(decide(allowReorder: allowReorder), name, call)
    }

    private func decide(allowReorder: Bool) -> TransportFault? {
        calls += 1
        guard rate > 0, Double.random(in: 0..<1, using: &random) < rate else { return nil }
        let choices = faults.filter { allowReorder || $0 != .reorder }
        guard !choices.isEmpty else { return nil }
        return choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    private func apply<T: Sendable>(_ fault: TransportFault?, _ name: String, _ call: @Sendable () async throws -> T) async throws -> T {
        guard let fault else { return try await call() }
        log.append("\(name)#\(calls) \(fault.rawValue)")
        switch fault {
        case .dropRequest:
            throw SyncTransportError.unreachable("request dropped")
        case .dropResponse:
            _ = try await call()
            throw SyncTransportError.unreachable("answer dropped after the server committed")
        case .duplicate:
            // try?: a test fault: the first of two identical calls, whose answer is dropped on purpose.
            _ = try? await call()
            return try await call()
        case .reorder:
            return try await call()
        case .cutBody:
            _ = try await call()
            throw SyncTransportError.unreadable("answer cut mid-body")
        case .internalError:
            throw SyncTransportError.status(500, ErrorBody(error: "internal", message: "injected"))
        case .unavailable:
            throw SyncTransportError.status(503, ErrorBody(error: "unavailable", message: "injected"))
        case .expiredToken:
            throw SyncTransportError.status(401, ErrorBody(error: "token_expired", message: "injected"))
        }
    }
}
