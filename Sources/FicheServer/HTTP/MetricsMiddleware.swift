import Foundation
import Hummingbird

/// Times every request into `RequestMetrics` (by matched route, so ids do not explode labels).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = FicheRequestContext
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "unmatched"
        metrics.observe(route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        return response
    }
}
