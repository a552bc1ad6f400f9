import ArgumentParser
import FicheApp
import FicheDomain
import FicheReplica
import Foundation

/// `fiche export art60 --employer CPAS-IXL --as-of 2026-11-24 --out art60.csv`: one line per
/// article 60 contract running that day, with the figures of the dossier's art. 60 tab
/// (`Art60Progress`): the policy in force, the target, the days counted and left, the end of the
/// reference window (extension included) and the projected date the target is reached.
///
/// Reads the replica as `fiche export payroll` does, and exports only where the user may see
/// art. 60 (`view_art60`). Bad input is one line on standard error, exit status 1, and no file.
struct ExportArt60: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "art60",
        abstract: "Export the article 60 contracts of an employer with their progress as CSV (one line per contract).")

    /// The file's columns, in order; dates YYYY-MM-DD, days with a decimal point.
    static let header = ["dossier_number", "policy", "target_days", "counted_days", "remaining_days", "window_end",
                         "projected_date"]

    @Option(help: "Employer code, e.g. CPAS-IXL.")
    var employer: String

    @Option(help: "The day the figures are for, YYYY-MM-DD or DD/MM/YYYY (default: today).")
    var asOf: String?

    @Option(help: "The CSV file to write.")
    var out: String


    @OptionGroup var options: ReplicaOptions



    func run() throws {
        let words = options.words
        do {
            let (database, userID) = try options.open()
            let day = try asOf.map(Self.parseDay) ?? database.clock.today
            try CommandReplica.require(.viewArt60, at: employer, for: userID, in: database)
            let items = try database.art60Overview(employerCode: employer, asOf: day, rules: try RuleBook.bundled())
            var file = CSVFile(header: Self.header)
            file.rows = items.map(Self.line)
            do {
                try file.write(to: out)
            } catch {
                throw CommandFailure(.cannotWriteFile, ["path": out, "detail": error.localizedDescription])
            }
            let unknown = items.filter { $0.progress == nil }.count
            print(words(.exportArt60Done, ["count": "\(items.count)", "employer": employer, "date": day.belgian,
                                                     "path": out]))
            if unknown > 0 { print(words(.exportArt60NoFigures, ["count": "\(unknown)"])) }
        } catch {
            throw CommandFailure.report(error, words: words)
        }
    }

    /// One contract's line; the figures are empty when the rules cannot compute them.
    static func line(_ item: Art60WatchItem) -> [String] {
        guard let progress = item.progress else { return [item.dossier.dossierNumber, "", "", "", "", "", ""] }
        return [item.dossier.dossierNumber, progress.policyID, "\(progress.targetDays)", days(progress.qualifyingDays),
                days(progress.remainingDays), progress.windowEnd.iso, progress.projectedTargetDate?.iso ?? ""]
    }

    /// 312, 151.5: whole days without a decimal.
    static func days(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// `2026-11-24` or `24/11/2026`, and nothing looser.
    static func parseDay(_ text: String) throws -> LocalDate {
        // try?: "is this a date?"; one that is not is refused with the error thrown below.
        guard text.count == 10, let day = try? LocalDate.parse(text) else {
            throw CommandFailure(.badDay, ["value": text])
        }
        return day
    }
}
