import FicheDomain
import FicheReplica
import Foundation
import XCTest

/// `fiche export art60` run as the article 60 cell would, on the demo replica.
final class Art60ExportEndToEndTests: CommandTestCase {

    func testOneLinePerRunningContractWithItsFiguresAndBadInputWritesNothing() throws {
        let prepared = try FicheBinary.run(["demo", "--no-tui", "--as", "art60", "--data-dir", folder.path, "--dossiers", "40"],
                                           environment: home)
        XCTAssertEqual(prepared.status, 0, prepared.standardError)
        let replica = try AppDatabase.open(at: try XCTUnwrap(FicheBinary.demoReplicas(in: folder).first).path, clock: .tests)
        let cpas = try XCTUnwrap(try replica.employers().first { $0.kind == .cpas }).code
        let out = folder.appendingPathComponent("art60.csv").path
        let run = try FicheBinary.run(["export", "art60", "--employer", cpas, "--as-of", "2026-11-24", "--out", out,
                                       "--data-dir", folder.path], environment: home)
        XCTAssertEqual(run.status, 0, run.standardError)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)).dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.first, "dossier_number;policy;target_days;counted_days;remaining_days;window_end;projected_date")
        let expected = try replica.art60Overview(employerCode: cpas, asOf: try LocalDate.parse("2026-11-24"), rules: try RuleBook.bundled())
        XCTAssertGreaterThan(expected.count, 0, "the demo has art. 60 workers")
        XCTAssertEqual(lines.count - 1, expected.count, text)
        XCTAssertTrue(run.standardOutput.contains("\(expected.count) contrats article 60 de \(cpas) au 24/11/2026 écrits dans \(out)"),
                      run.standardOutput)
        let first = lines[1].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(first[0], expected[0].dossier.dossierNumber)
        XCTAssertEqual(first[2], expected[0].progress.map { "\($0.targetDays)" } ?? "")
        // A day that is none, or an employer the replica does not hold: one line, no file.
        for (arguments, says) in [(["--as-of", "31/02/2026"], "--as-of must be a day"), (["--as-of", "2026-11"], "--as-of must be a day"),
                                  (["--employer", "XX-NOPE"], "unknown employer XX-NOPE")] {
            let bad = folder.appendingPathComponent("bad.csv").path
            var command = ["export", "art60", "--employer", cpas, "--out", bad, "--data-dir", folder.path, "--lang", "en"]
            command += arguments
            let outcome = try FicheBinary.run(command, environment: home)
            XCTAssertEqual(outcome.status, 1, outcome.standardOutput)
            XCTAssertTrue(outcome.standardError.contains(says), outcome.standardError)
            XCTAssertFalse(FileManager.default.fileExists(atPath: bad))
        }
    }
}
