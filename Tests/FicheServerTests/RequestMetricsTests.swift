@testable import FicheServer
import Crypto
import Foundation
import XCTest

/// What `/metrics` counts, and the token hash every request looks its caller up by.
final class RequestMetricsTests: XCTestCase {
    func testEachRequestCountsOnceInItsStatusAndInEveryBucketItFits() {
        let metrics = RequestMetrics()
        metrics.observe(route: "/v1/sync/pull", method: "GET", status: 200, seconds: 0.002)
        metrics.observe(route: "/v1/sync/pull", method: "GET", status: 200, seconds: 0.002)
        metrics.observe(route: "/v1/sync/pull", method: "GET", status: 401, seconds: 0.3)
        metrics.observe(route: "/v1/sync/push", method: "POST", status: 200, seconds: 0.04)
        let lines = Set(metrics.text().split(separator: "\n").map(String.init))
        let pull = "route=\"/v1/sync/pull\",method=\"GET\""
        for expected in [
            "fiche_http_requests_total{\(pull),status=\"200\"} 2",
            "fiche_http_requests_total{\(pull),status=\"401\"} 1",
            "fiche_http_request_duration_seconds_bucket{\(pull),le=\"0.001\"} 0",
            "fiche_http_request_duration_seconds_bucket{\(pull),le=\"0.0025\"} 2",
            "fiche_http_request_duration_seconds_bucket{\(pull),le=\"0.25\"} 2",
            "fiche_http_request_duration_seconds_bucket{\(pull),le=\"0.5\"} 3",
            "fiche_http_request_duration_seconds_bucket{\(pull),le=\"+Inf\"} 3",
            "fiche_http_request_duration_seconds_count{\(pull)} 3",
            "fiche_http_request_duration_seconds_bucket{route=\"/v1/sync/push\",method=\"POST\",le=\"0.05\"} 1",
            "fiche_http_request_duration_seconds_bucket{route=\"/v1/sync/push\",method=\"POST\",le=\"0.025\"} 0",
        ] {
            XCTAssertTrue(lines.contains(expected), expected)
        }
    }

    func testATokenIsStoredAsTheHexOfItsSHA256() {
        XCTAssertEqual(Secrets.hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = Secrets.token(prefix: "fa_")
        let expected = SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(Secrets.hash(token), expected)
        XCTAssertEqual(Secrets.hash("é"), SHA256.hash(data: Data("é".utf8)).map { String(format: "%02x", $0) }.joined())
    }
}
