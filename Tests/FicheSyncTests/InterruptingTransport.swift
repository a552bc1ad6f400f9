import FicheSync
import FicheSyncProtocol

/// Passes calls to a real transport, but lets only `snapshotPages` snapshot pages through
/// before the link goes down — an initial sync cut at a known page. Counts snapshot calls.
actor InterruptingTransport: SyncTransport {
    let inner: any SyncTransport
    var snapshotPages: Int
    private(set) var snapshotCalls = 0

    init(wrapping inner: any SyncTransport, snapshotPages: Int) {
        self.inner = inner
        self.snapshotPages = snapshotPages
    }

    nonisolated func login(_ request: LoginRequest) async throws -> TokenResponse { try await inner.login(request) }
    nonisolated func refresh(_ request: RefreshRequest) async throws -> TokenResponse { try await inner.refresh(request) }
    nonisolated func changePassword(_ request: PasswordChange, accessToken: String) async throws {
        try await inner.changePassword(request, accessToken: accessToken)
    }

    nonisolated func push(_ request: PushRequest, accessToken: String) async throws -> PushResponse {
        try await inner.push(request, accessToken: accessToken)
    }

    nonisolated func pull(cursor: Int64, limit: Int, resultsAfter: Int64?, accessToken: String) async throws -> PullResponse {
        try await inner.pull(cursor: cursor, limit: limit, resultsAfter: resultsAfter, accessToken: accessToken)
    }

    func snapshot(token: String?, employer: String?, limit: Int, accessToken: String) async throws -> SnapshotPage {
        snapshotCalls += 1
        guard snapshotPages > 0 else { throw SyncTransportError.unreachable("link down") }
        snapshotPages -= 1
        return try await inner.snapshot(token: token, employer: employer, limit: limit, accessToken: accessToken)
    }
}
