import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running in a pseudo-terminal of a given size, as a user's terminal would run it:
/// keys are written to it, and what it draws is read back with the time of every read.
final class PseudoTerminal {
    private let master: Int32
    let pid: pid_t
    let started: Double

    /// Starts `arguments[0]` (a path) with `arguments[1...]` in a new session whose controlling
    /// terminal is the pseudo-terminal, `rows`×`columns`.
    init(_ arguments: [String], environment: [String: String], rows: Int, columns: Int) throws {
        // Linux devpts: unlock the new terminal and ask its number (what unlockpt and ptsname do).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.unlockRequest, &unlock) == 0, ioctl(master, Self.numberRequest, &number) == 0 else {
            throw BenchFailure("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Self.spawnSetsid)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        started = Self.now()
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw BenchFailure("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        pid = child
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Linux's TIOCSPTLCK and TIOCGPTN (`_IOW`/`_IOR` macros Swift does not import).
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    /// glibc's POSIX_SPAWN_SETSID (the header hides it behind _GNU_SOURCE).
    private static let spawnSetsid: Int16 = 0x80

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Writes keys (bytes as a terminal sends them) and returns the time they were written.
    @discardableResult
    func send(_ bytes: String) -> Double {
        let time = Self.now()
        _ = bytes.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
        return time
    }

    /// Reads until nothing has come for `quiet` seconds (or `timeout` passed), and returns what
    /// came and when its last byte came (nil when nothing came).
    func drain(quiet: Double, timeout: Double) -> (text: String, lastByte: Double?) {
        var data = Data()
        var lastByte: Double?
        let deadline = Self.now() + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Self.now() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, quiet * 1000))
            guard poll(&descriptor, 1, wait) > 0 else {
                if lastByte != nil { break }   // quiet after some output: the screen is drawn
                continue
            }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            lastByte = Self.now()
            data.append(contentsOf: buffer[0..<count])
        }
        return (String(decoding: data, as: UTF8.self), lastByte)
    }

    /// Reads until the output holds `text` (then until quiet), or `timeout` passed.
    func wait(for text: String, quiet: Double, timeout: Double) -> (found: Bool, lastByte: Double?) {
        var seen = ""
        var lastByte: Double?
        let deadline = Self.now() + timeout
        while Self.now() < deadline {
            let (chunk, last) = drain(quiet: quiet, timeout: max(0.01, deadline - Self.now()))
            seen += chunk
            if let last { lastByte = last }
            if seen.contains(text) { return (true, lastByte) }
        }
        return (false, lastByte)
    }
}
