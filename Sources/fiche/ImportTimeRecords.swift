import ArgumentParser
import FicheApp
import FicheDomain
import FicheReplica
import Foundation

/// `fiche import time-records FILE.csv`: absences from a badge reader or a spreadsheet.
struct ImportTimeRecords: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-records",
        abstract: "Import absences: columns dossier_number,type,from,to,unit,hours,certificate (dates YYYY-MM-DD).",
        discussion: """
            Every row is checked with the rules of the entry form. If one row is wrong nothing is
            written and every error is listed as "line N: column: message". The same file is never
            imported twice.
            """)

    @Argument(help: "The CSV file (UTF-8, header row).")
    var file: String

    @Option(help: "The account to use (default: the last one signed in).")
    var user: String?

    @Flag(help: "Import into the demo replica, as the demo's user.")
    var demo = false

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Option(help: "Language of the messages: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let strings = Strings(language: FicheApp.Language.choose(flag: lang, environment: environment))
        do {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(strings.format("import.fileUnreadable", ["file": file]))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure(strings.format("import.notUTF8", ["file": file]))
            }
            let folder = DataDirectory.resolve(flag: dataDir, environment: environment)
            let database: AppDatabase
            let userID: String
            if demo {
                guard let demoReplica = try DemoAccount.replica(dataDirectory: folder) else {
                    throw CommandFailure(strings.format("import.noDemo", ["folder": folder]))
                }
                (database, userID) = demoReplica
            } else {
                let account = try SyncAccount.current(dataDirectory: folder, login: user)
                database = try AppDatabase.open(at: account.replicaPath, clock: .system)
                guard let id = try database.syncState().userID else {
                    throw CommandFailure(strings["import.notSignedIn"])
                }
                userID = id
            }
            guard let account = try database.user(id: userID) else {
                throw CommandFailure(strings.format("import.unknownUser", ["user": userID]))
            }
            let count = try TimeRecordImport(database: database, rules: try RuleBook.bundled()).run(csv: text, by: account)
            print(strings.format("import.done", ["count": "\(count)", "file": file]))
        } catch let failure as ImportFailure {
            let lines = failure.issues.map { strings.message(for: $0) }
            FileHandle.standardError.write(Data((lines + [strings.format("import.nothingWritten", ["count": "\(lines.count)"])])
                .joined(separator: "\n").appending("\n").utf8))
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
