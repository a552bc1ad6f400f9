import FicheSyncProtocol
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real transport: JSON over HTTP(S) with URLSession, sending `Fiche-Protocol`.
///
/// ```swift
/// let transport = HTTPSyncTransport(server: URL(string: "https://fiche.ixelles.brussels")!)
/// let tokens = try await transport.login(LoginRequest(login: "marie.dubois", password: p, device: "PC-GRH-12"))
/// ```
public struct HTTPSyncTransport: SyncTransport {
    public let server: URL
    let session: URLSession
    /// The protocol version sent in `Fiche-Protocol`.
    let protocolVersion: Int

    /// - Parameters:
    ///   - timeout: seconds to wait for an answer before treating the server as unreachable.
    ///   - protocolVersion: the version to announce; another than this build's only in tests that
    ///     play an older or newer client.
    public init(server: URL, timeout: TimeInterval = 30, protocolVersion: Int = ProtocolVersion.current) {
        self.server = server
        self.protocolVersion = protocolVersion
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: configuration)
    }

    public func login(_ request: LoginRequest) async throws -> TokenResponse {
        try await send("POST", "v1/auth/login", body: request, accessToken: nil)
    }

    public func refresh(_ request: RefreshRequest) async throws -> TokenResponse {
        try await send("POST", "v1/auth/refresh", body: request, accessToken: nil)
    }

    public func changePassword(_ request: PasswordChange, accessToken: String) async throws {
        _ = try await exchange("POST", "v1/auth/password", body: request, accessToken: accessToken)
    }

    public func push(_ request: PushRequest, accessToken: String) async throws -> PushResponse {
        try await send("POST", "v1/sync/push", body: request, accessToken: accessToken)
    }

    public func pull(cursor: Int64, limit: Int, resultsAfter: Int64?, accessToken: String) async throws -> PullResponse {
        var query = [URLQueryItem(name: "cursor", value: String(cursor)), URLQueryItem(name: "limit", value: String(limit))]
        if let resultsAfter { query.append(URLQueryItem(name: "results_after", value: String(resultsAfter))) }
        return try await send("GET", "v1/sync/pull", query: query, body: Optional<PushRequest>.none, accessToken: accessToken)
    }

    public func snapshot(token: String?, employer: String?, limit: Int, accessToken: String) async throws -> SnapshotPage {
        var query = [URLQueryItem(name: "limit", value: String(limit))]
        if let token { query.append(URLQueryItem(name: "token", value: token)) }
        if let employer { query.append(URLQueryItem(name: "employer", value: employer)) }
        let data = try await exchange("GET", "v1/sync/snapshot", query: query, body: Optional<PushRequest>.none,
                                      accessToken: accessToken)
        // Thousands of rows: read directly from the bytes; JSONDecoder only if that fails.
        if let page = try? data.withUnsafeBytes({ try SnapshotPage(json: $0) }) { return page }
        do {
            return try JSONDecoder().decode(SnapshotPage.self, from: data)
        } catch {
            throw SyncTransportError.unreadable("\(data.count) bytes: \(error)")
        }
    }

    private func send<Body: Encodable, Answer: Decodable>(_ method: String, _ path: String, query: [URLQueryItem] = [],
                                                          body: Body?, accessToken: String?) async throws -> Answer {
        let data = try await exchange(method, path, query: query, body: body, accessToken: accessToken)
        do {
            return try JSONDecoder().decode(Answer.self, from: data)
        } catch {
            throw SyncTransportError.unreadable("\(data.count) bytes: \(error)")
        }
    }

    /// Sends the request; answers the body of a 2xx response.
    private func exchange<Body: Encodable>(_ method: String, _ path: String, query: [URLQueryItem] = [],
                                           body: Body?, accessToken: String?) async throws -> Data {
        var components = URLComponents(url: server.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else { throw SyncTransportError.unreachable("invalid server address \(server)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(String(protocolVersion), forHTTPHeaderField: ProtocolVersion.headerName)
        if let accessToken { request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            do { request.httpBody = try JSONEncoder().encode(body) } catch {
                throw SyncTransportError.unreadable("cannot encode the request: \(error)")
            }
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw SyncTransportError.unreachable(error.localizedDescription)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            // try?: the status is thrown either way; the server's explanation rides along when it sent one.
            throw SyncTransportError.status(status, try? JSONDecoder().decode(ErrorBody.self, from: data))
        }
        return data
    }
}
