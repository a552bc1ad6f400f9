import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// Wires the HTTP API (`/v1/...`, `/health`, `/metrics`, `/openapi.json`) onto a `SyncService`.
///
/// ```swift
/// let service = try await SyncService(store: store)
/// let app = ServerApplication.build(service: service, host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public enum ServerApplication {
    /// The router alone, for in-process tests.
    /// `X-Forwarded-For`, believed only from `--trusted-proxy` peers (`ClientAddress`).
    static let forwardedFor = HTTPFields.Element.Name("X-Forwarded-For") ?? .via

    public static func router(service: SyncService) -> Router<FicheRequestContext> {
        let router = Router(context: FicheRequestContext.self)
        let metrics = RequestMetrics()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: ErrorMiddleware())
        let backend = service.store.backend
        router.get("/health") { _, _ in "ok \(backend)\n" }
        // Ready to take traffic: the store answers and its schema is at this build's level.
        let store = service.store
        router.get("/ready") { _, _ in
            if let problem = await ServerSchema.notReady(store) { throw APIError(.serviceUnavailable, "not_ready", problem) }
            return "ready \(backend)\n"
        }
        let metricsToken = service.configuration.metricsToken
        router.get("/metrics") { request, _ in
            guard let metricsToken else {
                throw APIError(.notFound, "not_found", "metrics are off; start serve with --metrics-token-file")
            }
            guard let presented = request.headers[.authorization], Secrets.constantTimeEqual(presented, "Bearer " + metricsToken) else {
                throw APIError.unauthorized("the metrics token is missing or wrong")
            }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
        }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.data)))
        }
        let v1 = router.group("v1")
        v1.post("auth/login") { request, context in
            try checkProtocol(request)
            let login = try await decode(LoginRequest.self, request, context, limit: authBodyLimit)
            let address = ClientAddress.resolve(peer: context.remoteAddress?.ipAddress,
                                                forwardedFor: request.headers[values: forwardedFor].joined(separator: ","),
                                                trusted: service.configuration.trustedProxies)
            return try json(await service.authenticator.login(login, address: address))
        }
        v1.post("auth/refresh") { request, context in
            try checkProtocol(request)
            let refresh = try await decode(RefreshRequest.self, request, context, limit: authBodyLimit)
            return try json(await service.authenticator.refresh(refresh))
        }
        v1.post("auth/password") { request, context in
            try checkProtocol(request)
            let caller = try await service.authenticator.authenticate(authorization: request.headers[.authorization])
            let change = try await decode(PasswordChange.self, request, context, limit: authBodyLimit)
            try await Accounts(store: service.store, configuration: service.configuration)
                .changePassword(userID: caller.userID, current: change.currentPassword, new: change.newPassword)
            return Response(status: .noContent)
        }
        v1.post("sync/push") { request, context in
            try checkProtocol(request)
            let caller = try await service.authenticator.authenticate(authorization: request.headers[.authorization])
            let push = try await decode(PushRequest.self, request, context)
            let answer = try await service.pushProcessor.push(push, caller: caller)
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: answer.encodedJSON)))
        }
        v1.get("sync/pull") { request, _ in
            try checkProtocol(request)
            let (caller, clock) = try await service.authenticator.authenticateWithClock(
                authorization: request.headers[.authorization])
            let query = request.uri.queryParameters
            let cursor = try integer(query, "cursor") ?? 0
            let limit = try integer(query, "limit") ?? 500
            let after = try integer(query, "results_after")
            let answer = try await service.pullReader.pull(cursor: cursor, limit: Int(limit), resultsAfter: after,
                                                           caller: caller, clock: clock)
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: answer.json)))
        }
        v1.get("sync/snapshot") { request, _ in
            try checkProtocol(request)
            let caller = try await service.authenticator.authenticate(authorization: request.headers[.authorization])
            let query = request.uri.queryParameters
            let limit = try integer(query, "limit") ?? 1000
            let token = query["token"].map(String.init)
            let employer = query["employer"].map(String.init)
            guard PushBounds.allows(token), PushBounds.allows(employer) else {
                throw APIError.badRequest("a query parameter holds a NUL character")
            }
            let page = try await service.snapshotReader.page(token: token, employer: employer, limit: Int(limit), caller: caller)
            // Thousands of rows: written directly as bytes (the same JSON JSONEncoder writes).
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: page.encodedJSON())))
        }
        return router
    }

    /// HTTP/1.1 connections idle for `ServerConfiguration.idleTimeout` are closed: a client that
    /// opens connections and sends nothing cannot hold the server's sockets.
    static func http1(_ configuration: ServerConfiguration) -> HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1_000)))
    }

    /// The largest body the sign-in routes read, before anyone is authenticated.
    static let authBodyLimit = 16 * 1024

    /// The application listening on `host:port`, over HTTPS when `tls` is given; port 0 takes a
    /// free port, which `onListening` receives once the server listens.
    public static func build(service: SyncService, host: String, port: Int, tls: ServerTLS? = nil,
                             logger: Logger = Logger(label: "fiche-server"),
                             onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        Application(
            router: router(service: service),
            server: try tls.map { try .tls(.http1(configuration: http1(service.configuration)), tlsConfiguration: $0.configuration) }
                ?? .http1(configuration: http1(service.configuration)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "fiche-server"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// 426 for a client speaking a protocol version the server no longer accepts.
    static func checkProtocol(_ request: Request) throws {
        guard let name = HTTPFields.Element.Name(ProtocolVersion.headerName), let text = request.headers[name] else { return }
        let supported = ProtocolVersion.supported
        guard let version = Int(text), supported.contains(version) else {
            let accepted = "this server accepts protocol \(supported.lowerBound) to \(supported.upperBound)"
            if let version = Int(text), version > supported.upperBound {
                throw APIError(.upgradeRequired, "protocol_too_old",
                               "this Fiche speaks protocol \(version), newer than the server (\(accepted)): the administrator must update fiche-server")
            }
            throw APIError(.upgradeRequired, "protocol_too_old",
                           "this version of Fiche is too old for the server (protocol \(text); \(accepted)): install the new version of Fiche")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: FicheRequestContext,
                                     limit: Int? = nil) async throws -> T {
        let buffer = try await request.body.collect(upTo: limit ?? context.maxUploadSize)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.badRequest("malformed JSON: \(ErrorMiddleware.describe(error))")
        } catch {
            throw APIError.badRequest("malformed JSON")
        }
    }

    /// The query parameter `name` as a count or a sequence; `query` is the request's, parsed once
    /// per request (each parsing reads the whole query).
    static func integer(_ query: FlatDictionary<Substring, Substring>, _ name: String) throws -> Int64? {
        guard let text = query[name[...]] else { return nil }
        guard let value = Int64(text), value >= 0 else {
            throw APIError.badRequest("\(name) must be a non-negative integer")
        }
        return value
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        let data = try JSONEncoder().encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
