import Foundation
import XCTest

/// `fiche workload` run as a supervisor would, on the demo replica: the proposal as a CSV and
/// a summary, and bad input refused in one line with nothing written.
final class WorkloadCommandEndToEndTests: CommandTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let outcome = try FicheBinary.run(["demo", "--no-tui", "--as", "supervisor", "--data-dir", folder.path, "--dossiers", "400"],
                                          environment: home)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
    }

    private func workload(_ arguments: [String]) throws -> FicheBinary.Outcome {
        try FicheBinary.run(["workload"] + arguments + ["--demo", "--data-dir", folder.path, "--lang", "en"], environment: home)
    }

    /// The number after `label` on the line that starts with it.
    private func number(after label: String, in text: String) -> Double? {
        guard let line = text.split(separator: "\n").first(where: { $0.contains(label) }),
              let range = line.range(of: label) else { return nil }
        return Double(line[range.upperBound...].trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }

    func testTheProposalIsWrittenAsCSVWithASummaryOnStandardOutput() throws {
        let out = folder.appendingPathComponent("plan.csv").path
        let outcome = try workload(["--employer", "CPAS-IXL", "--propose", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let moves = try XCTUnwrap(number(after: "moves:", in: outcome.standardOutput), outcome.standardOutput)
        let after = try XCTUnwrap(number(after: "after:", in: outcome.standardOutput), outcome.standardOutput)
        let before = try XCTUnwrap(number(after: "max/mean before:", in: outcome.standardOutput), outcome.standardOutput)
        XCTAssertLessThanOrEqual(after, 1.10, outcome.standardOutput)
        XCTAssertGreaterThanOrEqual(before, after)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "dossier_number,from_clerk,to_clerk,weight_hours")
        XCTAssertEqual(lines.count - 1, Int(moves))
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 4, String(line))
            XCTAssertTrue(fields[0].hasPrefix("CP-"), "a CPAS dossier: \(line)")
            XCTAssertNotEqual(fields[1], fields[2])
            XCTAssertNotNil(Double(fields[3]), String(line))
        }
        let again = try workload(["--employer", "CPAS-IXL", "--propose", "--out", out + ".2"])
        XCTAssertEqual(try String(contentsOfFile: out + ".2", encoding: .utf8), try String(contentsOfFile: out, encoding: .utf8),
                       "the same replica gives the same plan")
        XCTAssertEqual(again.status, 0)
    }

    func testThePoolingWhatIfSaysHowFarEvenCountsAreFromEvenHours() throws {
        let outcome = try workload(["--employer", "AC-IXL", "--pool", "CPAS-IXL", "--clerks", "4", "--propose"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertTrue(outcome.standardOutput.contains("even by count: max/mean dossiers"), outcome.standardOutput)
        XCTAssertNotNil(number(after: "moves:", in: outcome.standardOutput))
    }

    func testBadInputIsOneLineStatusOneAndNoFile() throws {
        let out = folder.appendingPathComponent("plan.csv").path
        let cases: [([String], String)] = [
            (["--employer", "XX-NOPE", "--propose", "--out", out], "unknown employer XX-NOPE; the replica holds AC-IXL, CPAS-IXL"),
            (["--employer", "AC-IXL", "--pool", "CPAS-IXL", "--clerks", "0", "--propose", "--out", out], "zero clerks"),
            (["--employer", "AC-IXL", "--pool", "AC-IXL", "--propose", "--out", out], "two different employers"),
            (["--employer", "AC-IXL", "--clerks", "3", "--propose", "--out", out], "--clerks goes with --pool"),
            (["--employer", "AC-IXL", "--propose", "--out", folder.appendingPathComponent("missing/plan.csv").path], "cannot write"),
        ]
        for (arguments, says) in cases {
            let outcome = try workload(arguments)
            XCTAssertEqual(outcome.status, 1, "\(arguments)")
            XCTAssertTrue(outcome.standardError.hasPrefix("fiche: "), outcome.standardError)
            XCTAssertTrue(outcome.standardError.contains(says), outcome.standardError)
            XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments)")
        }
    }
}
