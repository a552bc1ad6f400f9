import ArgumentParser
import Foundation

/// `fiche`: the Fiche terminal client.
@main
struct Fiche: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fiche",
        abstract: "Fiche: personnel dossiers, time records and Article 60 follow-up for a commune and its CPAS.",
        version: "0.1.0",
        subcommands: [Demo.self, Login.self, SyncCommand.self, ExportCommand.self]
    )

    @Flag(help: "Check every theme and keymap (shipped and in ~/.config/fiche) and report mistakes with file and line.")
    var checkConfig = false

    func run() throws {
        guard checkConfig else { throw CleanExit.helpRequest(self) }
        let status = ConfigCheck.run(environment: ProcessInfo.processInfo.environment)
        if status != 0 { throw ExitCode(status) }
    }
}
