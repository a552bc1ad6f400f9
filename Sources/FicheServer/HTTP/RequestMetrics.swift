import Foundation
import Synchronization

/// Request counts and latency histograms per route and status, in Prometheus text format.
///
/// Behind a lock rather than an actor: every request records itself, and a hop to an actor's
/// executor per request costs more than the few additions it guards.
final class RequestMetrics: Sendable {
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct Series {
        var count = 0
        var sum = 0.0
        var bucketCounts = [Int](repeating: 0, count: RequestMetrics.buckets.count)

        mutating func add(_ seconds: Double) {
            count += 1
            sum += seconds
            for (index, bound) in RequestMetrics.buckets.enumerated() where seconds <= bound {
                bucketCounts[index] += 1
            }
        }
    }

    private struct State {
        var series: [String: Series] = [:]
        var statusCounts: [String: Int] = [:]
    }

    private let state = Mutex(State())

    func observe(route: String, method: String, status: Int, seconds: Double) {
        let key = "route=\"\(route)\",method=\"\(method)\""
        let statusKey = "\(key),status=\"\(status)\""
        state.withLock { state in
            // In place: a copy taken out and put back copied its bucket counts at every request.
            state.series[key, default: Series()].add(seconds)
            state.statusCounts[statusKey, default: 0] += 1
        }
    }

    /// The exposition text served at `/metrics`.
    func text() -> String {
        let (series, statusCounts) = state.withLock { ($0.series, $0.statusCounts) }
        var lines = [
            "# HELP fiche_http_requests_total HTTP requests answered, by route, method and status.",
            "# TYPE fiche_http_requests_total counter",
        ]
        for (labels, count) in statusCounts.sorted(by: { $0.key < $1.key }) {
            lines.append("fiche_http_requests_total{\(labels)} \(count)")
        }
        lines += [
            "# HELP fiche_http_request_duration_seconds Time to answer, by route and method.",
            "# TYPE fiche_http_request_duration_seconds histogram",
        ]
        for (labels, entry) in series.sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Self.buckets.enumerated() {
                lines.append("fiche_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(entry.bucketCounts[index])")
            }
            lines.append("fiche_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(entry.count)")
            lines.append("fiche_http_request_duration_seconds_sum{\(labels)} \(entry.sum)")
            lines.append("fiche_http_request_duration_seconds_count{\(labels)} \(entry.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
