import FicheDomain
import FicheReplica
import Foundation
import XCTest

/// `fiche export payroll` run as a payroll officer would, on the demo replica.
final class PayrollExportEndToEndTests: CommandTestCase {
    /// Prepares the demo as the commune's payroll clerk; returns the employers of the replica,
    /// the commune first.
    @discardableResult
    private func demo() throws -> [Employer] {
        let outcome = try FicheBinary.run(["demo", "--no-tui", "--as", "clerk", "--data-dir", folder.path, "--dossiers", "40"],
                                          environment: home)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let replica = try XCTUnwrap(FicheBinary.demoReplicas(in: folder).first, outcome.standardOutput)
        return try AppDatabase.open(at: replica.path, clock: .tests).employers().sorted { ($0.kind == .commune ? 0 : 1) < ($1.kind == .commune ? 0 : 1) }
    }

    /// The export, its messages in `lang` (nil: none given, so French).
    private func export(_ employer: String, _ month: String, to out: String, lang: String? = nil) throws -> FicheBinary.Outcome {
        try FicheBinary.run(["export", "payroll", "--employer", employer, "--month", month, "--out", out,
                             "--data-dir", folder.path] + (lang.map { ["--lang", $0] } ?? []), environment: home)
    }

    func testTheFileHasAHeaderAndOneLinePerDossier() throws {
        let commune = try XCTUnwrap(try demo().first { $0.kind == .commune }, "the clerk works at the commune").code
        let out = folder.appendingPathComponent("paie.csv").path
        let outcome = try export(commune, "2026-10", to: out)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        // Without LANG the messages are French, the interface's default.
        XCTAssertTrue(outcome.standardOutput.contains("dossiers de \(commune) pour 2026-10 écrits dans \(out)"), outcome.standardOutput)

        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("dossier_number;name;scheduled_days;worked_days;"), text)
        let lines = text.split(separator: "\r\n")
        XCTAssertGreaterThan(lines.count, 1, text)
        let communeDossiers = try XCTUnwrap(FicheBinary.demoReplicas(in: folder).first).path
        let numbers = Set(try AppDatabase.open(at: communeDossiers, clock: .tests).dossierPage(after: nil, limit: 1000)
            .filter { $0.employerCode == commune }.map(\.dossierNumber))
        XCTAssertTrue(lines.dropFirst().allSatisfy { numbers.contains(String($0.prefix { $0 != ";" })) }, "only the commune's dossiers")
        // Whether the month is closed, the message and every line of the file agree.
        let provisional = outcome.standardOutput.contains("PROVISOIRE : 2026-10 n'est pas clôturé")
        let status = try XCTUnwrap(lines.first?.split(separator: ";", omittingEmptySubsequences: false).firstIndex(of: "month_status"))
        XCTAssertTrue(lines.dropFirst().allSatisfy {
            $0.split(separator: ";", omittingEmptySubsequences: false)[status] == (provisional ? "provisional" : "closed")
        }, text)
        let regime = try XCTUnwrap(lines.first?.split(separator: ";", omittingEmptySubsequences: false).firstIndex(of: "regime_percent"))
        XCTAssertTrue(lines.dropFirst().allSatisfy { !$0.split(separator: ";", omittingEmptySubsequences: false)[regime].isEmpty },
                      "every demo dossier has a career, so a regime: \(text)")
        // The corrections booked in the month go to a file of their own when asked for.
        let corrections = folder.appendingPathComponent("corrections.csv").path
        let both = try FicheBinary.run(["export", "payroll", "--employer", commune, "--month", "2026-10", "--out", out,
                                        "--corrections", corrections, "--data-dir", folder.path, "--lang", "en"], environment: home)
        XCTAssertEqual(both.status, 0, both.standardError)
        XCTAssertTrue(both.standardOutput.contains("booked in 2026-10 written to \(corrections)"), both.standardOutput)
        let correctionsText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: corrections)).dropFirst(3), as: UTF8.self)
        XCTAssertTrue(correctionsText.hasPrefix("dossier_number;name;month_concerned;record_id;corrects_record_id;change;"),
                      correctionsText)
        // The payroll supplier's codes, when asked for: one line per dossier, code and payer.
        let codes = folder.appendingPathComponent("codes.csv").path
        let coded = try FicheBinary.run(["export", "payroll", "--employer", commune, "--month", "2026-10", "--out", out,
                                         "--codes", codes, "--data-dir", folder.path, "--lang", "nl"], environment: home)
        XCTAssertEqual(coded.status, 0, coded.standardError)
        XCTAssertTrue(coded.standardOutput.contains("met de codes van de loonleverancier geschreven naar \(codes)"), coded.standardOutput)
        let codesText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: codes)).dropFirst(3), as: UTF8.self)
        let codeLines = codesText.split(separator: "\r\n")
        XCTAssertEqual(codeLines.first, "dossier_number;payroll_code;absence_type;payer;days;minutes")
        XCTAssertGreaterThan(codeLines.count, 1, "the demo has absences in October: \(codesText)")
        XCTAssertTrue(codeLines.dropFirst().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false)[1].hasPrefix("ABS-") },
                      codesText)
    }

    func testBadInputIsOneLineStatusOneAndNoFile() throws {
        let employers = try demo()
        let commune = try XCTUnwrap(employers.first).code
        let held = employers.map(\.code).sorted().joined(separator: ", ")
        let out = folder.appendingPathComponent("paie.csv").path
        let cases: [(employer: String, month: String, out: String, says: String)] = [
            (commune, "11/2026", out, "--month must be YYYY-MM"),
            (commune, "2026-13", out, "--month must be YYYY-MM"),
            (commune, "9999-12", out, "has not begun"),
            ("XX-NOPE", "2026-11", out, "unknown employer XX-NOPE; the replica holds \(held)"),
            (commune, "2026-11", folder.appendingPathComponent("missing/paie.csv").path, "cannot write the file"),
        ]
        for bad in cases {
            let outcome = try export(bad.employer, bad.month, to: bad.out, lang: "en")
            XCTAssertEqual(outcome.status, 1, "\(bad)")
            XCTAssertTrue(outcome.standardError.hasPrefix("fiche: "), outcome.standardError)
            XCTAssertTrue(outcome.standardError.contains(bad.says), outcome.standardError)
            XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError)
            XCTAssertFalse(FileManager.default.fileExists(atPath: bad.out), "\(bad)")
        }
    }

    func testWithoutAReplicaItSaysHowToGetOne() throws {
        let out = folder.appendingPathComponent("paie.csv").path
        let outcome = try export("AC-IXL", "2026-11", to: out, lang: "en")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.standardError.contains("no replica in \(folder.path)"), outcome.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertTrue(FicheBinary.demoReplicas(in: folder).isEmpty, "no replica is created by an export")
    }
}
