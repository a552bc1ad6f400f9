import FicheServer
import Foundation
import XCTest

/// The server's log lines in batches: a quiet log is never behind, a warning takes everything
/// before it out at once, nothing is lost or written twice, and no two lines are mixed.
final class LogLineWriterTests: XCTestCase {
    private var path = ""
    private var descriptor: Int32 = -1

    override func setUpWithError() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).jsonl").path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o600)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
    }

    override func tearDownWithError() throws {
        close(descriptor)
        try? FileManager.default.removeItem(atPath: path)
    }

    private var written: [String] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func testTheFirstLineIsWrittenAtOnceTheNextWaitUntilAWarningTakesThemOutInOrder() {
        // An hour between writes: only the first line, a warning, a full batch or a flush write.
        let writer = LogLineWriter(fileDescriptor: descriptor, interval: 3_600_000_000_000)
        writer.write("starting")
        XCTAssertEqual(written, ["starting"], "a quiet log is never behind")
        writer.write("request 1")
        writer.write("request 2")
        XCTAssertEqual(written, ["starting"], "lines coming fast wait for the batch")
        writer.write("database refused", urgent: true)
        XCTAssertEqual(written, ["starting", "request 1", "request 2", "database refused"])
        writer.write("request 3")
        writer.flush()
        XCTAssertEqual(written, ["starting", "request 1", "request 2", "database refused", "request 3"])
        writer.flush()
        XCTAssertEqual(written.count, 5, "a flush with nothing waiting writes nothing")
    }

    func testALargeBatchIsWrittenWithoutWaiting() {
        let writer = LogLineWriter(fileDescriptor: descriptor, interval: 3_600_000_000_000, batchBytes: 100)
        writer.write("first")
        let lines = (1...10).map { "request \($0) " + String(repeating: "x", count: 10) }
        for line in lines { writer.write(line) }
        // 21 or 22 bytes a line: the batch reaches 100 bytes at the fifth and at the tenth line.
        XCTAssertEqual(written, ["first"] + lines)
    }

    func testAWaitingLineIsWrittenWithinTheIntervalWithoutAnotherWrite() {
        let writer = LogLineWriter(fileDescriptor: descriptor, interval: 20_000_000)
        writer.write("first")
        writer.write("second")
        // Up to 10 s (2,000 naps of 5 ms) for the scheduled write, due after 20 ms.
        var naps = 0
        while written.count < 2 && naps < 2_000 {
            usleep(5_000)
            naps += 1
        }
        XCTAssertEqual(written, ["first", "second"])
    }

    func testLinesFromManyThreadsAreEachWrittenOnceWholeAndInTheirThreadsOrder() {
        let writer = LogLineWriter(fileDescriptor: descriptor, interval: 3_600_000_000_000, batchBytes: 4_096)
        let threads = 8
        let each = 2_000
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for n in 0..<each {
                writer.write("{\"thread\":\(thread),\"n\":\(n),\"pad\":\"\(String(repeating: "p", count: thread * 7))\"}",
                             urgent: n % 500 == 499)
            }
        }
        writer.flush()
        let lines = written
        XCTAssertEqual(lines.count, threads * each)
        var next = [Int](repeating: 0, count: threads)
        for line in lines {
            guard let record = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let thread = record["thread"] as? Int, let n = record["n"] as? Int else {
                return XCTFail("a line is not whole: \(line)")
            }
            XCTAssertEqual(n, next[thread], "thread \(thread)")
            next[thread] = n + 1
        }
        XCTAssertEqual(next, [Int](repeating: each, count: threads))
    }
}
