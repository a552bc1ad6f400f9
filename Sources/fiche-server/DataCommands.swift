import ArgumentParser
import FicheDemo
import FicheDomain
import FicheServer
import Foundation

/// `fiche-server seed-demo [--dossiers N] [--seed N]`.
struct SeedDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo", abstract: "Fill an empty server with the demo of `fiche demo` (same seed, same rows).")
    @OptionGroup var store: StoreOptions
    @Option(help: "Number of dossiers, split between the commune and the CPAS.") var dossiers: Int = 200
    @Option(help: "The demo's seed (as `fiche demo --seed`).") var seed: UInt64 = DemoDataset().seed

    func run() async throws {
        guard (0...1_000_000).contains(dossiers) else { throw ValidationError("--dossiers must be between 0 and 1000000") }
        try await store.withStore { store in
            for line in try await DemoSeed(store: store).run(dossiers: dossiers, seed: seed) { print(line) }
        }
    }
}

/// `fiche-server import dossiers FILE.csv --employer CODE`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import CSV files.",
                                                    subcommands: [Dossiers.self, Art60.self, TimeRecords.self])

    struct Dossiers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import dossiers; nothing is written if any row is wrong.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "CSV with a header row: ; or , between fields, UTF-8 or Windows-1252.") var file: String
        @Option(help: "Employer code.") var employer: String

        func run() async throws {
            try await store.importFile(file, employer: employer) { DossierImport(store: $0) }
        }
    }
}

extension ImportCommand {
    /// `fiche-server import art60 FILE.csv --employer CODE`.
    struct Art60: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "art60",
            abstract: "Import article 60 contracts (and their placements); nothing is written if any row is wrong.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "CSV with a header row: dossier_number, start_date, planned_end, regime_percent, prior_days [, partner, placement_start, placement_end, monthly_fee_eur].")
        var file: String
        @Option(help: "The CPAS's employer code.") var employer: String

        func run() async throws {
            try await store.importFile(file, employer: employer) { Art60Import(store: $0) }
        }
    }
}

extension ImportCommand {
    /// `fiche-server import time-records FILE.csv --employer CODE`.
    struct TimeRecords: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "time-records",
            abstract: "Import the history of absences and clockings, as validated; nothing is written if any row is wrong, "
                + "rows already imported are left as they are.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "CSV with a header row: dossier_number, type, from, to, unit, hours, certificate (as `fiche import time-records`).")
        var file: String
        @Option(help: "Employer code.") var employer: String

        func run() async throws {
            let rules = try RuleBook.bundled()
            try await store.importFile(file, employer: employer) { TimeRecordHistoryImport(store: $0, rules: rules) }
        }
    }
}

/// `fiche-server export dossiers|time-records --employer CODE [--month YYYY-MM]`.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export CSV on standard output.",
                                                    subcommands: [Dossiers.self, TimeRecords.self])

    struct Dossiers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dossiers, with the import's columns.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Employer code.") var employer: String

        func run() async throws {
            try await store.withStore { store in
                try await CSVExport(store: store).dossiers(employer: employer) { print($0) }
            }
        }
    }

    struct TimeRecords: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "time-records", abstract: "Time records.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Employer code.") var employer: String
        @Option(help: "Only records overlapping this month (YYYY-MM).") var month: String?

        func run() async throws {
            let month = try month.map { text in try YearMonth.parse(text) }
            try await store.withStore { store in
                try await CSVExport(store: store).timeRecords(employer: employer, month: month) { print($0) }
            }
        }
    }
}

/// `fiche-server purge time-records --before YYYY-MM-DD [--employer CODE] [--dry-run]`.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purge", abstract: "Erase data past its retention.",
                                                    subcommands: [TimeRecords.self])

    struct TimeRecords: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "time-records",
            abstract: "Erase time records that ended before a date, which must lie beyond the retention (retention.toml).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Records that ended before this day (YYYY-MM-DD or DD/MM/YYYY) are erased.") var before: String
        @Option(help: "Only this employer's records (default: every employer).") var employer: String?
        @Flag(name: .customLong("dry-run"), help: "Count what would be erased; write nothing.") var dryRun = false

        func run() async throws {
            let day: LocalDate
            do {
                day = try LocalDate.parse(before)
            } catch {
                throw ValidationError("--before: \(error)")
            }
            let rules = try RuleBook.bundled()
            try await store.withStore { store in
                print(try await TimeRecordPurge(store: store, rules: rules).run(before: day, employer: employer, dryRun: dryRun))
            }
        }
    }
}
