@testable import FicheServer
import Foundation
import Logging
import Synchronization
import XCTest

/// The parts of a request's log line, made without a formatter: the same text `String(format:)`
/// wrote, a new id that varies in every place and never repeats, and values that read back as JSON.
final class RequestLogLineTests: XCTestCase {
    func testTheDurationIsInMillisecondsToATenth() {
        XCTAssertEqual(RequestLogMiddleware.milliseconds(.zero), "0.0")
        XCTAssertEqual(RequestLogMiddleware.milliseconds(.microseconds(49)), "0.0")
        XCTAssertEqual(RequestLogMiddleware.milliseconds(.microseconds(3_240)), "3.2")
        XCTAssertEqual(RequestLogMiddleware.milliseconds(.microseconds(3_250)), "3.3")
        XCTAssertEqual(RequestLogMiddleware.milliseconds(.seconds(2) + .microseconds(1_500)), "2001.5")
    }

    func testANewIDIs32LowercaseHexDigitsAndNeverTheSame() {
        let ids = (0..<1_000).map { _ in RequestLogMiddleware.newID() }
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids {
            XCTAssertEqual(id.count, 32)
            XCTAssertTrue(id.allSatisfy { "0123456789abcdef".contains($0) }, id)
        }
        // Every hex digit turns up, in every place: no part of the id is stuck.
        XCTAssertEqual(Set(ids.joined()).count, 16)
        for place in 0..<32 {
            XCTAssertGreaterThan(Set(ids.map { Array($0)[place] }).count, 8, "place \(place)")
        }
    }

    func testAValueIsQuotedAsJSONWhetherItNeedsEscapesOrNot() throws {
        for text in ["/v1/sync/pull", "", "é ü 日本", "a\"b", "back\\slash", "line\nfeed\ttab\r", "\u{01}"] {
            let quoted = JSONLogHandler.quoted(text)
            let read = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
            XCTAssertEqual(read, text, quoted)
        }
        XCTAssertEqual(JSONLogHandler.quoted("/v1/sync/pull"), "\"/v1/sync/pull\"")
    }

    func testAnEventsFieldReplacesTheLoggersOfTheSameNameAndFieldsComeInNameOrder() throws {
        let lines = Mutex<[String]>([])
        var handler = JSONLogHandler(label: "fiche-server", now: { Date(timeIntervalSince1970: 0) },
                                     write: { line, _ in lines.withLock { $0.append(line) } })
        handler[metadataKey: "request_id"] = "r-1"
        handler[metadataKey: "route"] = "/health"
        handler.metadataProvider = Logger.MetadataProvider { ["provided": "p", "request_id": "r-2"] }
        let logger = Logger(label: "fiche-server") { _ in handler }
        logger.info("request", metadata: ["status": "200", "route": "/v1/sync/pull"])
        let line = try XCTUnwrap(lines.withLock { $0.first })
        XCTAssertEqual(line, #"{"at":"1970-01-01T00:00:00Z","level":"info","logger":"fiche-server","message":"request","#
                       + #""provided":"p","request_id":"r-2","route":"/v1/sync/pull","status":"200"}"#)
    }
}
