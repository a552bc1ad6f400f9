import ArgumentParser
import FicheApp
import FicheDemo
import FicheReplica
import Foundation

/// `fiche demo`: generates a realistic commune and CPAS, then opens the dossier list.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a demo commune and CPAS in a local replica and open Fiche on it.")

    @Option(help: "Folder for the demo replica (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Option(help: "How many dossiers to generate.")
    var dossiers: Int = 400

    @Option(help: "Seed of the generator: the same seed gives the same data.")
    var seed: UInt64 = 2026

    @Option(help: "Interface language: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    @Option(help: "Colour theme: default, light, high-contrast, colour-blind-safe, mono, or one of yours (default: $FICHE_THEME, else default).")
    var theme: String?

    @Option(help: "Keymap: default, vim, mc, or one of yours (default: $FICHE_KEYMAP, else default).")
    var keymap: String?

    @Option(name: .customLong("as"), help: "Whose account to open: supervisor (all roles), clerk, time-manager or art60.")
    var role: String = DemoRole.supervisor.rawValue

    @Flag(help: "Regenerate the demo even if the replica already holds it.")
    var reset = false

    @Flag(help: "Only prepare the demo replica and print where it is.")
    var noTui = false

    func validate() throws {
        guard dossiers >= 0, dossiers <= 5_000_000 else {
            throw ValidationError("--dossiers must be between 0 and 5000000")
        }
        if DemoRole(rawValue: role) == nil {
            throw ValidationError("--as must be one of: \(DemoRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let lang, Language(code: lang) == nil {
            throw ValidationError("--lang must be fr, nl or en")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            let appearance = try Appearance.load(theme: theme, keymap: keymap, environment: environment)
            let folder = DataDirectory.resolve(flag: dataDir, environment: environment)
            try DataDirectory.prepare(folder)
            let path = folder + "/demo.sqlite"
            let database: AppDatabase
            do {
                database = try AppDatabase.open(at: path)
            } catch ReplicaError.preRelease {
                // Demo data from a development build: nothing to keep, make it again.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                database = try AppDatabase.open(at: path)
            }
            let dataset = DemoDataset(dossiers: dossiers, seed: seed)
            let alreadyThere = try DemoDataGenerator.holds(dataset, in: database)
            if reset || !alreadyThere {
                try DemoDataGenerator(dataset: dataset).write(into: database)
            }
            if noTui {
                print("Demo replica ready: \(path) (\(dossiers) dossiers, seed \(seed))")
                return
            }
            let strings = Strings(language: Language.choose(flag: lang, environment: environment))
            try TerminalSession.run(database: database, strings: strings, userID: (DemoRole(rawValue: role) ?? .supervisor).userID,
                                   exportFolder: folder, appearance: appearance,
                                   environment: environment)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
