import ArgumentParser
import Foundation

/// `fiche`: the Fiche terminal client.
@main
struct Fiche: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fiche",
        abstract: "Fiche: personnel dossiers, time records and Article 60 follow-up for a commune and its CPAS.",
        version: "0.1.0",
        subcommands: [Demo.self, Login.self, SyncCommand.self]
    )

    @Flag(help: "Check every theme and keymap (shipped and in ~/.config/fiche) and report mistakes with file and line.")
    var checkConfig = false

    @Option(help: "Interface language: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    func run() throws {
        guard checkConfig else {
            // Signed in (fiche login): open the account's replica and sync in the background.
            // Not signed in: nothing to open; the demo stays local (fiche demo).
            guard let account = SignedInAccount.find(dataDirectory: dataDir) else { throw CleanExit.helpRequest(self) }
            try account.openTerminal(lang: lang)
            return
        }
        let status = ConfigCheck.run(environment: ProcessInfo.processInfo.environment)
        if status != 0 { throw ExitCode(status) }
    }
}
