import FicheServer
import Foundation
import HummingbirdTesting
import XCTest

/// `serve --tls-cert --tls-key`: HTTPS with the given pair, and a clear refusal of a bad pair.
final class ServerTLSTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            throw XCTSkip("openssl is needed to make a test certificate")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["server", "other"] {
            try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                         "-keyout", path("\(name).key"), "-out", path("\(name).pem")])
        }
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "openssl \(arguments.joined(separator: " "))")
    }

    func testTheServerAnswersOverHTTPSWithTheGivenPair() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let tls = try ServerTLS(certificateFile: path("server.pem"), keyFile: path("server.key"))
        let app = try ServerApplication.build(service: fixture.service, host: "127.0.0.1", port: 0, tls: tls)
        try await app.test(.ahc(.https)) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertTrue(String(buffer: response.body).hasPrefix("ok"))
        }
        await fixture.store.close()
    }

    func testAKeyThatIsNotTheCertificatesOrAMissingFileIsRefusedByName() throws {
        XCTAssertThrowsError(try ServerTLS(certificateFile: path("server.pem"), keyFile: path("other.key"))) { error in
            XCTAssertTrue("\(error)".contains("do not make a usable pair"), "\(error)")
        }
        XCTAssertThrowsError(try ServerTLS(certificateFile: path("missing.pem"), keyFile: path("server.key"))) { error in
            XCTAssertTrue("\(error)".hasPrefix(path("missing.pem") + ": not a readable PEM certificate"), "\(error)")
        }
        XCTAssertThrowsError(try ServerTLS(certificateFile: path("server.pem"), keyFile: path("server.pem"))) { error in
            XCTAssertTrue("\(error)".hasPrefix(path("server.pem") + ": not a readable PEM private key"), "\(error)")
        }
    }
}
