import ArgumentParser
import FicheApp
import FicheDomain
import FicheReplica
import Foundation

/// `fiche import time-records FILE.csv`: absences from a badge reader or a spreadsheet.
struct ImportTimeRecords: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-records",
        abstract: "Import absences: columns dossier_number,type,from,to,unit,hours,certificate.",
        discussion: """
            Reads the file as Excel saves it in Belgium or as a badge reader writes it: ";" or ","
            between fields (found in the header), UTF-8 with or without BOM or Windows-1252 (said
            when used), CRLF or LF, dates DD/MM/YYYY or YYYY-MM-DD, hours 7,6 or 7.6. Every row is
            checked with the rules of the entry form. If one row is wrong nothing is written and
            every error is listed as "line N: column: message". The same file is never imported
            twice.
            """)

    @Argument(help: "The CSV file (header row; UTF-8 or Windows-1252; ; or , between fields).")
    var file: String

    @OptionGroup var options: ReplicaOptions

    func run() throws {
        let strings = options.words
        do {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(.importFileUnreadable, ["file": file])
            }
            let folder = options.folder
            let database: AppDatabase
            let userID: String
            if options.demo {
                guard let demoReplica = try DemoAccount.replica(dataDirectory: folder) else {
                    throw CommandFailure(.importNoDemo, ["folder": folder])
                }
                (database, userID) = demoReplica
            } else {
                let account = try SyncAccount.current(dataDirectory: folder, login: options.user)
                database = try AppDatabase.open(at: account.replicaPath, clock: .system)
                guard let id = try database.syncState().userID else {
                    throw CommandFailure(.importNotSignedIn)
                }
                userID = id
            }
            guard let account = try database.user(id: userID) else {
                throw CommandFailure(.importUnknownUser, ["user": userID])
            }
            let summary = try TimeRecordImport(database: database, rules: try RuleBook.bundled()).run(file: data, by: account)
            if let note = strings.importEncodingNote(summary.encoding, file: file) { print(note) }
            print(strings.importDone(records: summary.records, file: file))
            if let note = strings.importLeftOut(summary.leftOut) { print(note) }
        } catch let failure as ImportFailure {
            let lines = failure.issues.map { strings.message(for: $0) }
            FileHandle.standardError.write(Data((lines + [strings.importNothingWritten(errors: lines.count)])
                .joined(separator: "\n").appending("\n").utf8))
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error, words: strings)
        }
    }
}
