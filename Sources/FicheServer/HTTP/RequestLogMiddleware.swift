import Foundation
import Hummingbird
import Logging
import Synchronization

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
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(status),
            "duration_ms": .string(Self.milliseconds(elapsed)),
        ])
    }

    /// `elapsed` in milliseconds to a tenth, e.g. `3.2` (what `%.1f` writes, without a
    /// formatter: every request passes here).
    static func milliseconds(_ elapsed: Duration) -> String {
        let (seconds, attoseconds) = elapsed.components
        guard seconds >= 0, attoseconds >= 0, seconds < 1_000_000_000 else {
            return String(format: "%.1f", Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
        }
        // Tenths of a millisecond, rounded half up.
        let tenths = seconds * 10_000 + (attoseconds + 50_000_000_000_000) / 100_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `text` when it is a plain token of 1 to 64 characters.
    static func acceptable(_ text: String?) -> String? {
        guard let text, (1...64).contains(text.utf8.count),
              text.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") })
        else { return nil }
        return text
    }

    /// 32 lowercase hex digits: two outputs of SplitMix64 over a state seeded once from the
    /// system's randomness, so ids never repeat within a process (the state is a counter the
    /// mix turns into 128 bits that vary in every place) and differ between processes. Not a
    /// secret (a client may choose its own id), so no system call per request: two
    /// `getrandom` calls were 1.5 % of the server's samples on the empty pull.
    static func newID() -> String {
        let words = idState.withLock { state -> (UInt64, UInt64) in
            state &+= 0x9E37_79B9_7F4A_7C15
            let first = mix(state)
            state &+= 0x9E37_79B9_7F4A_7C15
            return (first, mix(state))
        }
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for (offset, word) in [words.0, words.1].enumerated() {
                for nibble in 0..<16 {
                    let value = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * nibble)) & 0x0f
                    buffer[offset * 16 + nibble] = value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
                }
            }
            return 32
        }
    }

    private static let idState = Mutex(UInt64.random(in: .min ... .max))

    /// SplitMix64's output function: a bijection of 64 bits, every input bit felt in every output bit.
    private static func mix(_ state: UInt64) -> UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
