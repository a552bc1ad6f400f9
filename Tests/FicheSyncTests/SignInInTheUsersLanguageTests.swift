import FicheSync
import Foundation
import XCTest

/// What the server refuses reaches the clerk in their language: `fiche login`, `fiche passwd`
/// and `fiche sync` (the real binary) against a real server on this computer, under `--lang fr`
/// and `--lang nl`; and the sync layer names a wrong password and too many attempts itself, so
/// no English sentence of the server has to be shown.
final class SignInInTheUsersLanguageTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "fiche-signin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// `fiche` beside this test bundle in the build folder.
    private var fiche: URL {
        var bundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? Bundle.main.bundlePath)
        while bundle.pathComponents.count > 1, !bundle.lastPathComponent.hasSuffix(".xctest") { bundle.deleteLastPathComponent() }
        return bundle.deletingLastPathComponent().appendingPathComponent("fiche")
    }

    /// Runs `fiche` on one data folder, with what is typed on standard input, off the concurrency
    /// pool (the server answers on it meanwhile).
    private struct Runner: Sendable {
        let binary: URL
        let folder: String

        func callAsFunction(_ arguments: [String], input: String = "") async throws -> (status: Int32, output: String, errors: String) {
            let (url, folder) = (binary, folder)
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    do {
                        let process = Process()
                        process.executableURL = url
                        process.arguments = arguments + ["--data-dir", folder]
                        process.environment = ["HOME": folder]
                        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
                        process.standardInput = stdin
                        process.standardOutput = stdout
                        process.standardError = stderr
                        try process.run()
                        stdin.fileHandleForWriting.write(Data(input.utf8))
                        try stdin.fileHandleForWriting.close()
                        let output = stdout.fileHandleForReading.readDataToEndOfFile()
                        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
                        process.waitUntilExit()
                        continuation.resume(returning: (process.terminationStatus, String(decoding: output, as: UTF8.self),
                                                        String(decoding: errors, as: UTF8.self)))
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        }
    }

    private static let english = ["Signed in", "wrong login", "password is wrong", "pending", "never", "not signed in", "run fiche",
                           "pushed", "pulled", "too many"]

    private static func assertNoEnglish(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for word in english { XCTAssertFalse(text.contains(word), "English «\(word)» in: \(text)", file: file, line: line) }
    }

    func testLoginPasswdAndSyncSayTheServersAnswersInFrenchAndDutch() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.cpas": ["CPAS-T"]])
        let run = Runner(binary: fiche, folder: folder)
        let folder = folder
        try await server.serve { url in
            let address = url.absoluteString
            let login = ["login", "--server", address, "--user", "clerk.cpas", "--password-stdin", "--device", "pc"]

            let french = try await run(login + ["--lang", "fr"], input: "not-the-password\n")
            XCTAssertEqual(french.status, 1, french.output)
            XCTAssertEqual(french.errors, "fiche: identifiant ou mot de passe incorrect ; cet ordinateur n'est pas connecté\n")
            let dutch = try await run(login + ["--lang", "nl"], input: "not-the-password\n")
            XCTAssertEqual(dutch.errors, "fiche: verkeerde login of wachtwoord; deze computer is niet aangemeld\n")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/current-account"), "nobody was signed in")

            let signedIn = try await run(login + ["--lang", "fr"], input: SimulatedServer.password + "\n")
            XCTAssertEqual(signedIn.status, 0, signedIn.errors)
            XCTAssertTrue(signedIn.output.hasPrefix("Connecté en tant que clerk.cpas sur \(address) (appareil "), signedIn.output)
            XCTAssertTrue(signedIn.output.hasSuffix("\nEnsuite : fiche sync --once\n"), signedIn.output)
            Self.assertNoEnglish(signedIn.output + signedIn.errors)

            let wrongCurrent = try await run(["passwd", "--password-stdin", "--lang", "nl"], input: "not-the-password\nnew-password-2027\n")
            XCTAssertEqual(wrongCurrent.status, 1)
            XCTAssertEqual(wrongCurrent.errors, "fiche: het huidige wachtwoord is fout; er werd niets gewijzigd\n")

            let synced = try await run(["sync", "--once", "--lang", "nl"])
            XCTAssertEqual(synced.status, 0, synced.errors)
            let lines = synced.output.split(separator: "\n")
            XCTAssertEqual(lines.count, 2, synced.output)
            XCTAssertTrue(lines.first?.hasPrefix("verzonden: 0 (0 aanvaard, 0 geweigerd, 0 in conflict) · ") == true, synced.output)
            XCTAssertTrue(lines.last?.hasPrefix("online · wachtend op verzending: 0 · conflicten: 0 · ") == true, synced.output)
            Self.assertNoEnglish(synced.output + synced.errors)
            let status = try await run(["sync", "--status", "--lang", "fr"])
            XCTAssertEqual(status.status, 0, status.errors)
            XCTAssertTrue(status.output.contains("\ndernière synchronisation : 20"), status.output)
            XCTAssertTrue(status.output.contains("\ncopie initiale : terminée\n"), status.output)
            Self.assertNoEnglish(status.output)

            // Five wrong passwords in a row, then the server waits: the sync layer says which.
            let transport = HTTPSyncTransport(server: url, timeout: 10)
            for _ in 0..<4 {
                do {
                    _ = try await SyncSession.signIn(server: address, login: "clerk.cpas", password: "nope", device: "pc", transport: transport)
                    XCTFail("a wrong password signs nobody in")
                } catch SyncError.wrongPassword {}
            }
            let refused = try await run(login + ["--lang", "fr"], input: "nope\n")
            XCTAssertEqual(refused.errors, "fiche: identifiant ou mot de passe incorrect ; cet ordinateur n'est pas connecté\n")
            do {
                _ = try await SyncSession.signIn(server: address, login: "clerk.cpas", password: SimulatedServer.password, device: "pc",
                                                 transport: transport)
                XCTFail("the server waits after five failures")
            } catch SyncError.tooManyAttempts {}
            let waiting = try await run(login + ["--lang", "nl"], input: SimulatedServer.password + "\n")
            XCTAssertEqual(waiting.errors, "fiche: te veel mislukte pogingen: wacht 15 minuten voor u het opnieuw probeert\n")
        }
        await server.close()
    }
}
