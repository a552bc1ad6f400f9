import FicheApp
import FicheReplica
import FicheSync
import Foundation

/// The TUI's background sync for a signed-in account: a `SyncSession` run by `BackgroundSync`
/// every 30 s and after each local save, waiting longer after failures (`Backoff`).
enum ServerSync {
    static func background(replica: AppDatabase, account: SyncAccount, credentials: DeviceCredentials) throws -> BackgroundSync {
        guard let url = URL(string: credentials.server) else { throw CommandFailure(.noServerAddress, ["path": account.tokenPath]) }
        // Few quick retries inside one sync: the loop itself tries again later.
        let session = SyncSession(replica: replica, transport: HTTPSyncTransport(server: url),
                                  credentials: .file(account.tokenPath), exportDirectory: account.folder,
                                  maximumAttempts: 2)
        let backoff = LockedBackoff(Backoff(base: 5, cap: 30))
        return BackgroundSync(interval: 30, retryDelay: { backoff.delay(attempt: $0) }) {
            do {
                let summary = try await session.sync()
                return SyncReport(reachedServer: true, pulledChanges: summary.pulledChanges + summary.snapshotRows
                                  + summary.rejected + summary.conflicts, finishedAt: replica.clock.now())
            } catch {
                return SyncReport(reachedServer: false, pulledChanges: 0, finishedAt: replica.clock.now(), trouble: trouble(error))
            }
        }
    }

    /// What the badge says on Alt+i for a failed sync.
    static func trouble(_ error: any Error) -> SyncTrouble {
        guard let error = error as? SyncError else { return .storage(detail: "\(error)") }
        switch error {
        case .notSignedIn: return .notSignedIn
        case .offline(let detail): return .unreachable(detail: detail)
        case .signInAgain(let detail): return .signInAgain(detail: detail)
        case .deviceRevoked(let path, let count): return .deviceRevoked(savedTo: path, count: count)
        case .upgradeRequired(let detail): return .upgradeRequired(detail: detail)
        case .refused(let detail), .outOfStep(let detail): return .refused(detail: detail)
        case .storage(let detail): return .storage(detail: detail)
        case .busy: return .busy
        case .wrongPassword: return .signInAgain(detail: error.description)
        case .tooManyAttempts: return .refused(detail: error.description)
        }
    }

    /// Draws the initial sync's progress bar on standard error, on one line, in the user's
    /// language: `copie initiale ▕████      ▏ 12 400 lignes · 48 000 lignes/s · prestations`.
    /// Plain (`--plain`): only the last line, whole, with `#` for the bar, since a line rewritten
    /// in place is not read by a braille line.
    @Sendable static func printProgress(_ progress: SnapshotProgress, words: Strings, plain: Bool = false) {
        if plain {
            guard progress.done else { return }
            FileHandle.standardError.write(Data((bar(progress, words: words).replacingOccurrences(of: "█", with: "#") + "\n").utf8))
            return
        }
        FileHandle.standardError.write(Data(("\r" + bar(progress, words: words) + (progress.done ? "\n" : "")).utf8))
    }

    /// The bar's line for `progress`.
    static func bar(_ progress: SnapshotProgress, words: Strings) -> String {
        words.initialSyncLine(rows: progress.rows, rate: progress.rate, pages: progress.pages, table: progress.entity,
                              secondsLeft: progress.estimatedRemaining, done: progress.done)
    }

    /// `Backoff` draws from a seeded generator it mutates; the sync task and nobody else uses it.
    private final class LockedBackoff: @unchecked Sendable {
        private let lock = NSLock()
        private var backoff: Backoff

        init(_ backoff: Backoff) { self.backoff = backoff }

        func delay(attempt: Int) -> Double { lock.withLock { backoff.delay(attempt: attempt) } }
    }
}
