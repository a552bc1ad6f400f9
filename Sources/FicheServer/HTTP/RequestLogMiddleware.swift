import Foundation
import Hummingbird
import Logging

/// One log line per request: `request_id`, `method`, `route` (the matched pattern, so neither
/// ids nor the query, which may hold a snapshot token, reach the log), `status`, `duration_ms`.
///
/// The id is the client's or the proxy's `X-Request-Id` when it is a plain token (letters,
/// digits, `-`, `_`, `.`, at most 64), else a new one; it is sent back in `X-Request-Id` and
/// added to every line logged while the request runs, so an error in the log leads to its
/// request and the proxy's access log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = FicheRequestContext
    static let header = HTTPFields.Element.Name("X-Request-Id") ?? .via

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = Self.acceptable(request.headers[Self.header]) ?? Self.newID()
        var context = context
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request_id"] = .string(id)
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // Only errors ErrorMiddleware does not answer (none today) get here: logged, passed on.
            log(context, request, status: 500, since: start)
            throw error
        }
        response.headers[Self.header] = id
        log(context, request, status: Int(response.status.code), since: start)
        return response
    }

    private func log(_ context: Context, _ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(status),
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ])
    }

    /// `text` when it is a plain token of 1 to 64 characters.
    static func acceptable(_ text: String?) -> String? {
        guard let text, (1...64).contains(text.utf8.count),
              text.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") })
        else { return nil }
        return text
    }

    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
