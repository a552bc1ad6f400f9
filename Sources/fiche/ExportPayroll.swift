import ArgumentParser
import FicheApp
import FicheDomain
import FicheReplica
import Foundation

/// `fiche export payroll --employer AC-IXL --month 2026-11 --out paie.csv`: the payroll
/// variables of one employer and month, one line per dossier, as the month-closing screen's
/// Ctrl+E writes them (`PayrollExportCSV`).
///
/// Reads the signed-in account's replica (or `--user`'s), else the demo replica of the data
/// folder (`--demo` asks for it), and exports only where that user holds `export_payroll`.
/// Bad input (an unknown employer, a month not written YYYY-MM or still to come, a file that
/// cannot be written, no replica, no right) is one line on standard error, exit status 1, and no
/// file. A month not closed yet is exported as provisional, and says so.
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

    @Option(help: "Also write the corrections booked in the month to this CSV file, one line each (before, after, reason).")
    var corrections: String?

    @Option(help: "Also write the month's absences under the payroll supplier's codes to this CSV file (dossier, code, payer, days or minutes).")
    var codes: String?

    @OptionGroup var options: ReplicaOptions

    func run() throws {
        let words = options.words
        do {
            let payrollMonth = try Self.parseMonth(month)
            let (database, userID) = try options.open()
            try CommandReplica.require(.exportPayroll, at: employer, for: userID, in: database)
            let rules = try RuleBook.bundled()
            let rows = try database.payrollExport(employerCode: employer, month: payrollMonth, rules: rules)
            let closed = PayrollMonth.isClosed(payrollMonth, in: try database.payrollMonths(employerCode: employer))
            do {
                try PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: closed).write(to: out)
            } catch {
                throw CommandFailure(.cannotWriteFile, ["path": out, "detail": Self.reason(error)])
            }
            print(words(.exportPayrollDone, ["count": "\(rows.count)", "employer": employer,
                                                       "month": payrollMonth.description, "path": out]))
            if let corrections {
                let lines = try database.payrollCorrections(employerCode: employer, month: payrollMonth)
                do {
                    try PayrollExportCSV.corrections(lines).write(to: corrections)
                } catch {
                    throw CommandFailure(.cannotWriteFile, ["path": corrections, "detail": Self.reason(error)])
                }
                print(words(.exportPayrollCorrections, ["count": "\(lines.count)", "month": payrollMonth.description,
                                                                      "path": corrections]))
            }
            if let codes {
                let file = PayrollExportCSV.supplierCodes(rows: rows, catalogue: rules.absenceCatalogue)
                do {
                    try file.write(to: codes)
                } catch {
                    throw CommandFailure(.cannotWriteFile, ["path": codes, "detail": Self.reason(error)])
                }
                print(words(.exportPayrollCodes, ["count": "\(file.rows.count)", "path": codes]))
            }
            let waiting = rows.map(\.submittedEntries).reduce(0, +), drafts = rows.map(\.draftEntries).reduce(0, +)
            if waiting + drafts > 0 {
                print(words(.exportPayrollNotCounted, ["submitted": "\(waiting)", "drafts": "\(drafts)"]))
            }
            if !closed {
                print(words(.exportPayrollProvisional, ["month": payrollMonth.description, "employer": employer]))
            }
        } catch {
            throw CommandFailure.report(error, words: words)
        }
    }

    /// `2026-11`, and nothing looser (not `2026-1`, not `11/2026`).
    static func parseMonth(_ text: String) throws -> YearMonth {
        let shape = text.count == 7 && text.enumerated().allSatisfy { $0.offset == 4 ? $0.element == "-" : $0.element.isASCII && $0.element.isNumber }
        // try?: "is this a month?"; one that is not is refused with the error thrown below.
        guard shape, let month = try? YearMonth.parse(text) else {
            throw CommandFailure(.badMonth, ["value": text])
        }
        return month
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    }
}
