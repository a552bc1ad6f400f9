import ArgumentParser
import FicheApp
import FicheDomain
import FicheReplica
import Foundation

/// `fiche export payroll --employer AC-IXL --month 2026-11 --out paie.csv`: the payroll
/// variables of one employer and month, one line per dossier, as the month-closing screen's
/// Ctrl+E writes them (`PayrollExportCSV`).
///
/// Reads the signed-in account's replica, else the demo replica of the data folder. Bad input
/// (an unknown employer, a month not written YYYY-MM, a file that cannot be written, no
/// replica) is one line on standard error, exit status 1, and no file.
struct ExportPayroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payroll",
        abstract: "Export one employer's payroll variables for a month as CSV (one line per dossier).")

    @Option(help: "Employer code, e.g. AC-IXL or CPAS-IXL.")
    var employer: String

    @Option(help: "Payroll month, YYYY-MM.")
    var month: String

    @Option(help: "The CSV file to write.")
    var out: String

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    func run() throws {
        do {
            let payrollMonth = try Self.parseMonth(month)
            let folder = DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
            let database = try AppDatabase.open(at: try Self.replicaPath(in: folder))
            let codes = try database.employers().map(\.code)
            guard codes.contains(employer) else {
                throw CommandFailure("unknown employer \(employer); the replica holds "
                                     + (codes.isEmpty ? "none" : codes.joined(separator: ", ")))
            }
            let rules = try RuleBook.bundled()
            let rows = try database.payrollExport(employerCode: employer, month: payrollMonth, rules: rules)
            do {
                try PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue).write(to: out)
            } catch {
                throw CommandFailure("\(out): cannot write the file (\(Self.reason(error)))")
            }
            print("\(rows.count) dossiers of \(employer) for \(payrollMonth) written to \(out)")
        } catch {
            throw CommandFailure.report(error)
        }
    }

    /// `2026-11`, and nothing looser (not `2026-1`, not `11/2026`).
    static func parseMonth(_ text: String) throws -> YearMonth {
        let shape = text.count == 7 && text.enumerated().allSatisfy { $0.offset == 4 ? $0.element == "-" : $0.element.isASCII && $0.element.isNumber }
        guard shape, let month = try? YearMonth.parse(text) else {
            throw CommandFailure("--month must be YYYY-MM (for example 2026-11), not '\(text)'")
        }
        return month
    }

    /// The signed-in account's replica, else the demo's; never creates one.
    static func replicaPath(in folder: String) throws -> String {
        if let account = try? SyncAccount.current(dataDirectory: folder, login: nil),
           FileManager.default.fileExists(atPath: account.replicaPath) {
            return account.replicaPath
        }
        let demo = folder + "/demo.sqlite"
        guard FileManager.default.fileExists(atPath: demo) else {
            throw CommandFailure("no replica in \(folder); run fiche login or fiche demo first")
        }
        return demo
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    }
}
