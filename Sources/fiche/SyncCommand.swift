import ArgumentParser
import FicheApp
import FicheReplica
import FicheSync
import Foundation

/// `fiche sync --once` syncs without the TUI and prints a summary; `fiche sync --status`
/// prints what waits, what conflicts, and when the replica last synced.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync the replica with the server once (--once), or show the sync status (--status).")

    @Flag(help: "Push the outbox and pull changes once, then print a summary.")
    var once = false

    @Flag(help: "Print pending changes, the oldest one's age, conflicts and the last sync.")
    var status = false

    @Option(help: "Inject seeded network faults (drops, duplicates, 500/503, 401) while syncing; for testing.")
    var chaos: UInt64?

    @Option(help: "The account to use (default: the last one signed in).")
    var user: String?

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Option(help: "Language of the messages: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    func validate() throws {
        try CommandLanguage.check(lang)
        let words = CommandLanguage.words(lang)
        guard once != status else { throw ValidationError(words(.syncOnceOrStatus)) }
        if chaos != nil, !once { throw ValidationError(words(.syncChaosNeedsOnce)) }
    }

    func run() throws {
        let words = CommandLanguage.words(lang)
        do {
            let folder = DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
            let account = try SyncAccount.current(dataDirectory: folder, login: user)
            let replica = try AppDatabase.open(at: account.replicaPath, clock: .system)
            if status {
                for line in SyncWords.status(try SyncSession.status(of: replica, online: true), words: words) { print(line) }
                return
            }
            let credentials = try DeviceCredentials.load(from: account.tokenPath)
            guard let url = URL(string: credentials.server) else { throw CommandFailure(.noServerAddress, ["path": account.tokenPath]) }
            let http = HTTPSyncTransport(server: url)
            let transport: any SyncTransport = chaos.map { FaultyTransport(wrapping: http, seed: $0, rate: 0.3) } ?? http
            let session = SyncSession(replica: replica, transport: transport, credentials: .file(account.tokenPath),
                                      exportDirectory: account.folder, progress: { ServerSync.printProgress($0, words: words) })
            let summary = try BlockingTask.run { try await session.sync() }
            print(SyncWords.summary(summary, words: words))
            print(SyncWords.line(try SyncSession.status(of: replica, online: true), words: words))
        } catch {
            throw CommandFailure.report(error, words: words)
        }
    }
}
