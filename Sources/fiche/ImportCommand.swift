import ArgumentParser

/// `fiche import …`: bring entries made elsewhere into the replica.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import entries from CSV files into the replica (then synced like any entry).",
        subcommands: [ImportTimeRecords.self])
}
