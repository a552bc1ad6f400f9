import ArgumentParser
import FicheApp
import FicheDemo
import FicheReplica
import FicheServer
import FicheSync
import Foundation

/// `fiche demo`: a demo commune and CPAS on a server inside this process (or the one another
/// `fiche demo` of the same data folder runs), signed in as one demo user, synced like a real
/// account, then the dossier list.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open Fiche as a demo user of a demo commune and CPAS, synced with a demo server on this computer.")

    @Option(help: "Folder for the demo server and replicas (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Option(help: "How many dossiers the demo server is seeded with (a new folder: 400; a folder keeps its size, another one needs --reset).")
    var dossiers: Int?

    @Option(help: "Seed of the generator: the same seed gives the same data (a new folder: 2026).")
    var seed: UInt64?

    @Option(help: "Interface language: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    @Option(help: "Colour theme: default, light, high-contrast, colour-blind-safe, mono, or one of yours (default: $FICHE_THEME, else default).")
    var theme: String?

    @Option(help: "Keymap: default, vim, mc, or one of yours (default: $FICHE_KEYMAP, else default).")
    var keymap: String?

    @Flag(help: "Plain display for screen readers and braille lines: ASCII frames, a sign for the selected row, the cursor on the focused row or field, each message on its own line (also FICHE_PLAIN=1).")
    var plain = false

    @Option(name: .customLong("as"), help: "Whose account to open: supervisor (all roles), clerk (commune), time-manager, art60 or clerk-cpas.")
    var role: String = DemoRole.supervisor.rawValue

    @Flag(help: "Seed the demo server again and start every demo replica afresh.")
    var reset = false

    @Flag(help: "Only prepare the demo (server, sign-in, sync) and print where it is.")
    var noTui = false

    func validate() throws {
        try CommandLanguage.check(lang)
        let words = CommandLanguage.words(lang)
        if let dossiers, dossiers < 0 || dossiers > 1_000_000 {
            throw ValidationError(words(.demoDossiersRange))
        }
        if DemoRole(rawValue: role) == nil {
            throw ValidationError(words(.demoRoleInvalid, ["roles": DemoRole.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = DataDirectory.resolve(flag: dataDir, environment: environment)
        var connection: DemoServerHost.Connection?
        // Quitting stops this process's server; a `fiche demo` using it goes offline and keeps its entries.
        // try?: stops this process's demo server on the way out; nothing of the clerk's is written by it.
        defer { if let host = connection?.host { _ = try? BlockingTask.run { await host.stop() } } }
        // What the demo says before the interface opens, in the interface's language.
        let words = Strings(language: Language.choose(flag: lang, environment: environment))
        do {
            _ = try Appearance.load(theme: theme, keymap: keymap, environment: environment)
            try DataDirectory.prepare(folder)
            let (dossiers, seed, reset) = (self.dossiers, self.seed, self.reset)
            let server = try BlockingTask.run {
                try await DemoServerHost.joinOrServe(folder: folder, dossiers: dossiers, seed: seed, accounts: DemoAccount.logins,
                                                     reset: reset) { count in
                    FileHandle.standardError.write(Data((words(.demoSeeding, ["count": "\(count)"]) + "\n").utf8))
                }
            }
            connection = server
            if server.reseeded {
                // Replicas of an earlier store would not match the new one: each starts afresh.
                let replicas = DemoAccount.folder(dataDirectory: folder)
                if FileManager.default.fileExists(atPath: replicas) { try FileManager.default.removeItem(atPath: replicas) }
            }
            let demoRole = DemoRole(rawValue: role) ?? .supervisor
            let account = DemoAccount.of(demoRole, dataDirectory: folder)
            let login = DemoAccount.login(for: demoRole)
            _ = try account.signIn(server: server.address, login: login, password: DemoSeed.password, device: "fiche demo")
            try initialSync(account: account, server: server.address, words: words, plain: plain || environment["FICHE_PLAIN"] == "1")
            if noTui {
                print(words(server.host == nil ? .demoReadyJoined : .demoReady,
                            ["login": login, "replica": account.replicaPath, "server": server.address,
                             "store": DemoServerHost.storePath(in: folder)]))
                return
            }
            try SignedInAccount(folder: folder, account: account).openTerminal(lang: lang, theme: theme, keymap: keymap, plain: plain)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error, words: words)
        }
    }

    /// Copies the account's dossiers (the progress bar on the first start, an incremental pull on
    /// the next ones) before the list opens, so it never shows part of them.
    private func initialSync(account: SyncAccount, server: String, words: Strings, plain: Bool) throws {
        guard let url = URL(string: server) else { throw CommandFailure(.notAnAddress, ["server": server]) }
        let replica = try AppDatabase.open(at: account.replicaPath, clock: .system)
        let session = SyncSession(replica: replica, transport: HTTPSyncTransport(server: url), credentials: .file(account.tokenPath),
                                  exportDirectory: account.folder,
                                  progress: { ServerSync.printProgress($0, words: words, plain: plain) })
        _ = try BlockingTask.run { try await session.sync() }
    }
}
