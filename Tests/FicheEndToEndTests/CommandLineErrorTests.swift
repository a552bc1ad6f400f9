import Foundation
import XCTest

/// Bad input on the command line: one clear line, a non-zero status, nothing changed.
final class CommandLineErrorTests: XCTestCase {
    func testACorruptDemoStoreIsNamedAndLeftUntouched() throws {
        let folder = try FicheBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("demo-server.sqlite")
        let garbage = Data(repeating: 0x5A, count: 4096)
        try garbage.write(to: file)
        let outcome = try FicheBinary.run(["demo", "--no-tui", "--data-dir", folder.path], environment: ["HOME": folder.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.standardError.hasPrefix("fiche: \(file.path) : impossible d'ouvrir la base du serveur de démo"),
                      outcome.standardError)
        XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError)
        XCTAssertEqual(try Data(contentsOf: file), garbage)
    }

    func testWithoutTERMTheInterfaceExplainsInsteadOfCrashing() throws {
        let folder = try FicheBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try FicheBinary.run(["demo", "--data-dir", folder.path], environment: ["HOME": folder.path])
        XCTAssertEqual(outcome.status, 1)
        // Without LANG, in French, as the interface would have been.
        XCTAssertTrue(outcome.standardError.contains("TERM n'est pas défini"), outcome.standardError)
    }

    func testNoTuiPreparesTheDemoAndSaysWhere() throws {
        let folder = try FicheBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try FicheBinary.run(["demo", "--no-tui", "--data-dir", folder.path, "--dossiers", "50"],
                                          environment: ["HOME": folder.path])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let store = folder.appendingPathComponent("demo-server.sqlite")
        XCTAssertTrue(outcome.standardOutput.contains(store.path), outcome.standardOutput)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path))
        let replica = try XCTUnwrap(FicheBinary.demoReplicas(in: folder).first, "the demo user's replica")
        XCTAssertTrue(outcome.standardOutput.contains(replica.path), outcome.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("demo-server.json").path),
                       "the server stopped with the command, and its address went with it")
        // Without LANG, in French, the interface's default: no word of English, no table name.
        XCTAssertTrue(outcome.standardError.contains("Préparation du serveur de démonstration (50 dossiers)…"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("copie initiale"), "the first start shows the copy's progress")
        XCTAssertFalse(outcome.standardError.contains("time_record"), outcome.standardError)

        let again = try FicheBinary.run(["demo", "--no-tui", "--data-dir", folder.path, "--dossiers", "50"],
                                        environment: ["HOME": folder.path])
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertFalse(again.standardError.contains("Préparation"), "the second start keeps the server's data: \(again.standardError)")
        XCTAssertFalse(again.standardError.contains("copie initiale"), "the second start only pulls what changed: \(again.standardError)")

        // Another size would replace the demo and what was entered in it: refused without --reset.
        let bigger = try FicheBinary.run(["demo", "--no-tui", "--data-dir", folder.path, "--dossiers", "400"],
                                         environment: ["HOME": folder.path])
        XCTAssertEqual(bigger.status, 1, bigger.standardOutput)
        XCTAssertTrue(bigger.standardError.contains("contient une démo de 50 dossiers"), bigger.standardError)
        XCTAssertTrue(bigger.standardError.contains("--reset"), bigger.standardError)
        let kept = try FicheBinary.run(["demo", "--no-tui", "--data-dir", folder.path], environment: ["HOME": folder.path])
        XCTAssertEqual(kept.status, 0, kept.standardError)
        XCTAssertFalse(kept.standardError.contains("Préparation"), "no --dossiers keeps the folder's 50: \(kept.standardError)")
    }

    func testAnUnknownLanguageIsRefused() throws {
        let outcome = try FicheBinary.run(["demo", "--no-tui", "--lang", "de"], environment: [:])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.standardError.contains("--lang doit valoir fr, nl ou en"), outcome.standardError)
        let dutch = try FicheBinary.run(["demo", "--no-tui", "--lang", "de"], environment: ["LANG": "nl_BE.UTF-8"])
        XCTAssertTrue(dutch.standardError.contains("--lang moet fr, nl of en zijn"), dutch.standardError)
    }
}
