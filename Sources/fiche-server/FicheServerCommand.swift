import ArgumentParser
import FicheServer

/// `fiche-server`: the central server the replicas sync with.
@main
struct FicheServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fiche-server",
        abstract: "The Fiche central server: accounts, grants, and the change log replicas sync with.",
        version: "0.2.0",
        subcommands: [Serve.self, Migrate.self, EmployerCommand.self, UserCommand.self, GrantCommand.self,
                      RevokeCommand.self, DeviceCommand.self, SeedDemo.self, ImportCommand.self, ExportCommand.self,
                      PurgeCommand.self, Compact.self, ResetIdentity.self]
    )
}
