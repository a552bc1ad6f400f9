import FicheSyncProtocol

/// How the sync engine talks to `fiche-server`: one async call per endpoint of the v1 API.
///
/// `HTTPSyncTransport` is the real one; `FaultyTransport` wraps any transport and injects the
/// failures of a weak link (for tests, and for `fiche sync --chaos SEED`).
///
/// Every method throws `SyncTransportError`.
public protocol SyncTransport: Sendable {
    /// `POST /v1/auth/login`.
    func login(_ request: LoginRequest) async throws -> TokenResponse
    /// `POST /v1/auth/refresh`.
    func refresh(_ request: RefreshRequest) async throws -> TokenResponse
    /// `POST /v1/auth/password` with the device's access token.
    func changePassword(_ request: PasswordChange, accessToken: String) async throws
    /// `POST /v1/sync/push` with the device's access token.
    func push(_ request: PushRequest, accessToken: String) async throws -> PushResponse
    /// `GET /v1/sync/pull`.
    func pull(cursor: Int64, limit: Int, resultsAfter: Int64?, accessToken: String) async throws -> PullResponse
    /// `GET /v1/sync/snapshot`: the first page when `token` is nil, else the page after it.
    func snapshot(token: String?, employer: String?, limit: Int, accessToken: String) async throws -> SnapshotPage
}
