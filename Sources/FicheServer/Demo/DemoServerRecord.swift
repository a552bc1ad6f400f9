import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the demo server of a data folder answers: `<folder>/demo-server.json`, written by the
/// `fiche demo` process that serves (its port and process id) so that a second `fiche demo` in
/// the same folder uses that server instead of opening the same store again.
public struct DemoServerRecord: Codable, Sendable, Hashable {
    public var port: Int
    public var pid: Int32

    public init(port: Int, pid: Int32) {
        self.port = port
        self.pid = pid
    }

    /// The server's base address, e.g. `http://127.0.0.1:41234`.
    public var address: String { "http://127.0.0.1:\(port)" }

    /// `<folder>/demo-server.json`.
    public static func path(in folder: String) -> String { folder + "/demo-server.json" }

    /// The record of `folder`, or nil when there is none or it is not a record.
    public static func read(in folder: String) -> DemoServerRecord? {
        guard let data = FileManager.default.contents(atPath: path(in: folder)) else { return nil }
        // try?: "is this a record?"; a file that is not one means no demo server to join, and a new one starts.
        return try? JSONDecoder().decode(DemoServerRecord.self, from: data)
    }

    /// Writes the record (mode 0600), replacing any other atomically.
    public func write(in folder: String) throws {
        let target = Self.path(in: folder)
        let temporary = target + ".\(pid).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: try JSONEncoder().encode(self),
                                             attributes: [.posixPermissions: 0o600]),
              rename(temporary, target) == 0 else {
            throw DemoServerProblem.cannotWriteAddress(path: target)
        }
    }

    /// Removes the record of `folder` if it is this one (never a record another process wrote since).
    public func remove(in folder: String) {
        // try?: best-effort cleanup; a stale record is found not alive by the next `fiche demo` and replaced.
        if Self.read(in: folder) == self { try? FileManager.default.removeItem(atPath: Self.path(in: folder)) }
    }

    /// The recorded process is still running and `/health` answers on the recorded port.
    public func answers(timeout: TimeInterval = 2) async -> Bool {
        guard processIsRunning, let url = URL(string: address + "/health") else { return false }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        // try?: a health probe: no answer means "not alive", which is what it asks.
        guard let (data, response) = try? await session.data(from: url),
              (response as? HTTPURLResponse)?.statusCode == 200 else { return false }
        return String(decoding: data, as: UTF8.self).hasPrefix("ok")
    }

    /// Signal 0 reaches the process (EPERM: it runs, under another user).
    var processIsRunning: Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }
}
