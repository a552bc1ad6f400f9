@testable import FicheServer
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// A client that opens a connection and sends nothing does not hold the server's socket.
final class IdleConnectionTests: XCTestCase {
    func testAnIdleConnectionIsClosedByTheServer() async throws {
        let fixture = try await ServerFixture.make(.sqlite) { $0.idleTimeout = 0.5 }
        let app = try ServerApplication.build(service: fixture.service, host: "127.0.0.1", port: 0)
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let closedAfter = try Self.secondsUntilClosed(port: port, waitingAtMost: 10)
            XCTAssertLessThan(closedAfter, 10, "the server closed the silent connection")
            XCTAssertTrue(try Self.answer(port: port, to: "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .hasPrefix("HTTP/1.1 200"), "and answers a new one")
        }
        await fixture.store.close()
    }

    /// Connects, sends nothing, and waits for the server to close; answers the seconds waited
    /// (`limit` when it never did).
    static func secondsUntilClosed(port: Int, waitingAtMost limit: Int) throws -> Double {
        let descriptor = try connected(port: port, timeout: limit)
        defer { close(descriptor) }
        let started = ContinuousClock.now
        var byte: UInt8 = 0
        let received = recv(descriptor, &byte, 1, 0)
        let waited = ContinuousClock.now - started
        guard received == 0 else { return Double(limit) }  // timed out (-1) or data: not closed
        return Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
    }

    /// Sends `request` on a new connection; answers the first bytes of the response.
    static func answer(port: Int, to request: String) throws -> String {
        let descriptor = try connected(port: port, timeout: 5)
        defer { close(descriptor) }
        let bytes = Array(request.utf8)
        guard send(descriptor, bytes, bytes.count, 0) == bytes.count else { throw POSIXError(.EIO) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
    }

    static func connected(port: Int, timeout: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }
}
