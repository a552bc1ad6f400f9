import FicheSyncProtocol
import Foundation
import Hummingbird
import Logging

/// Turns every error into a JSON `ErrorBody`: `APIError` as given, Hummingbird's HTTP errors
/// (malformed JSON → 400) with their message, anything else as 500 without details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = FicheRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            var response = Self.response(error.status, error.body)
            if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
            return response
        } catch let error as HTTPResponseError {
            let status = error.status
            let message: String
            if let httpError = error as? HTTPError, let text = httpError.body {
                message = text
            } else {
                message = status.reasonPhrase
            }
            let code = status == .badRequest ? "bad_request" : (status == .notFound ? "not_found" : "http_\(status.code)")
            return Self.response(status, ErrorBody(error: code, message: message))
        } catch let error as DecodingError {
            return Self.response(.badRequest, ErrorBody(error: "bad_request", message: "malformed JSON: \(Self.describe(error))"))
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.response(.internalServerError, ErrorBody(error: "internal", message: "internal error; see the server log"))
        }
    }

    static func response(_ status: HTTPResponse.Status, _ body: ErrorBody) -> Response {
        // try?: an error body is two strings; should encoding fail, a fixed body still says the request failed.
        let data = (try? JSONEncoder().encode(body)) ?? Data("{\"error\":\"internal\",\"message\":\"\"}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "unreadable body"
        }
    }
}
