import FicheServer
import Foundation
import Logging
import Synchronization

/// Log lines written by `JSONLogHandler`s in a test, kept in memory to be read afterwards.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger writing JSON lines here, stamped with `clock`'s time, at `level` and above.
    func logger(_ label: String, clock: TestClock, level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { label in
            JSONLogHandler(label: label, now: { clock.now }, write: { line, _ in self.lines.withLock { $0.append(line) } })
        }
        logger.logLevel = level
        return logger
    }

    var captured: [String] { lines.withLock { $0 } }

    /// Each line read as a JSON object (a line that is not one fails the test by returning nil).
    var records: [[String: String]?] {
        captured.map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
        }
    }
}
