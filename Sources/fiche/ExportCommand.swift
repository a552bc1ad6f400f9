import ArgumentParser

/// `fiche export …`: files for other systems, written from the replica without the interface.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write files for other systems from the local replica.",
        subcommands: [ExportPayroll.self, ExportArt60.self])
}
