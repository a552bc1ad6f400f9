import ArgumentParser
import Foundation

/// `fiche`: the Fiche terminal client.
@main
struct Fiche: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fiche",
        abstract: "Fiche: personnel dossiers, time records and Article 60 follow-up for a commune and its CPAS.",
        version: "0.1.0",
        subcommands: [OpenCommand.self, Demo.self, Login.self, Passwd.self, SyncCommand.self, ImportCommand.self, ExportCommand.self, WorkloadCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
