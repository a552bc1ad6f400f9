import ArgumentParser
import Foundation

/// `fiche`: the Fiche terminal client.
@main
struct Fiche: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fiche",
        abstract: "Fiche: personnel dossiers, time records and Article 60 follow-up for a commune and its CPAS.",
        version: "0.1.0",
        subcommands: [Demo.self, Login.self, SyncCommand.self, ImportCommand.self, ExportCommand.self]
    )

    @Flag(help: "Check every theme and keymap (shipped and in ~/.config/fiche) and report mistakes with file and line.")
    var checkConfig = false

    @Option(help: "The account to open (default: the last one signed in).")
    var user: String?

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Option(help: "Interface language: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    @Option(help: "Colour theme (default: $FICHE_THEME, else default).")
    var theme: String?

    @Option(help: "Keymap: default, vim, mc, or one of yours (default: $FICHE_KEYMAP, else default).")
    var keymap: String?

    func run() throws {
        if checkConfig {
            let status = ConfigCheck.run(environment: ProcessInfo.processInfo.environment)
            if status != 0 { throw ExitCode(status) }
            return
        }
        do {
            try OpenAccount.run(login: user, dataDirectory: dataDir, lang: lang, theme: theme, keymap: keymap)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
