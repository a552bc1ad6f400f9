import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes log lines to a file descriptor (the server's standard error), several to a `write`
/// when they come fast: a busy server logs a line per request, and one system call per line
/// was a large part of an empty pull's cost.
///
/// - A line is written at once when the writer wrote nothing for `interval`, so a quiet
///   server's log (and a test reading it) is never behind.
/// - Otherwise it waits at most `interval` (50 ms) in memory, or until `batchBytes` are
///   waiting, and goes out with the others, in the order they came.
/// - An urgent line (a warning, an error) is written at once, with every line before it, so
///   what explains a failure is on disk even if the process dies right after.
/// - `flush()` writes what waits; `fiche-server serve` calls it before it exits. A process
///   killed (`kill -9`) loses at most the lines of its last `interval`.
///
/// Each line is written whole (never two lines mixed), and every line appears once.
public final class LogLineWriter: Sendable {
    /// The server's standard error.
    public static let standardError = LogLineWriter(fileDescriptor: 2)

    private struct Waiting {
        var bytes: [UInt8] = []
        /// A flush is scheduled for these bytes.
        var scheduled = false
        /// When the last write began (`DispatchTime` nanoseconds), 0 before the first.
        var lastWrite: UInt64 = 0
    }

    private let fileDescriptor: Int32
    private let interval: UInt64
    private let batchBytes: Int
    private let waiting = Mutex(Waiting())
    /// Held while a batch is taken and written: batches go out in the order they were taken.
    private let output = Mutex(())

    /// - Parameters:
    ///   - interval: the longest a line waits for others, in nanoseconds.
    ///   - batchBytes: a batch this large is written without waiting longer.
    public init(fileDescriptor: Int32, interval: UInt64 = 50_000_000, batchBytes: Int = 64 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.interval = interval
        self.batchBytes = batchBytes
    }

    /// Adds `line` (without its line feed) to the log.
    public func write(_ line: String, urgent: Bool = false) {
        let now = DispatchTime.now().uptimeNanoseconds
        enum Next { case nothing, writeNow, schedule(UInt64) }
        let next: Next = waiting.withLock { waiting in
            waiting.bytes.append(contentsOf: line.utf8)
            waiting.bytes.append(UInt8(ascii: "\n"))
            if urgent || waiting.bytes.count >= batchBytes { return .writeNow }
            if waiting.scheduled { return .nothing }
            let due = waiting.lastWrite == 0 ? now : waiting.lastWrite &+ interval
            if due <= now { return .writeNow }
            waiting.scheduled = true
            return .schedule(due - now)
        }
        switch next {
        case .nothing:
            break
        case .writeNow:
            flush()
        case .schedule(let delay):
            DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .nanoseconds(Int(delay))) {
                self.flush()
            }
        }
    }

    /// Writes every line waiting.
    public func flush() {
        output.withLock { _ in
            let batch = waiting.withLock { waiting -> [UInt8] in
                waiting.scheduled = false
                waiting.lastWrite = DispatchTime.now().uptimeNanoseconds
                var batch: [UInt8] = []
                swap(&batch, &waiting.bytes)
                return batch
            }
            guard !batch.isEmpty else { return }
            writeAll(batch)
        }
    }

    /// Writes `bytes` whole, through short writes and interruptions. A log that cannot be
    /// written (standard error closed) has nowhere to say so: the lines are dropped.
    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard var next = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Glibc.write(fileDescriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    // A non-blocking standard error that is full: wait for the reader a moment.
                    if errno == EAGAIN { usleep(1_000); continue }
                    return
                }
                next += written
                left -= written
            }
        }
    }
}
