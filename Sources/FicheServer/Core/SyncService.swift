import FicheDomain
import FicheSyncProtocol
import Foundation

/// Everything the HTTP API does, above the store and below the routes.
public struct SyncService: Sendable {
    public let store: any ServerStore
    public let configuration: ServerConfiguration
    let authenticator: Authenticator
    let pushProcessor: PushProcessor
    let pullReader: PullReader
    let snapshotReader: SnapshotReader
    let readAudit: ReadAudit

    /// Prepares the service on a migrated store: loads the rule files and the snapshot key.
    public init(store: any ServerStore, configuration: ServerConfiguration = ServerConfiguration()) async throws {
        self.store = store
        self.configuration = configuration
        let ruleBook = try RuleBook.bundled()
        let readAudit = ReadAudit(store: store)
        self.readAudit = readAudit
        self.authenticator = await Authenticator(store: store, configuration: configuration)
        self.pushProcessor = PushProcessor(store: store, configuration: configuration, ruleBook: ruleBook,
                                           callers: authenticator.callers)
        self.pullReader = PullReader(store: store, audit: readAudit, configuration: configuration)
        self.snapshotReader = SnapshotReader(store: store, audit: readAudit, configuration: configuration,
                                             key: try await ServerSecret.snapshotKey(in: store))
    }

    /// Announces the grants that start or end by date (`GrantCalendar`) now, then every
    /// `interval`, until the task is cancelled. A failed round is reported on standard error
    /// and tried again at the next.
    public func keepGrantCalendar(every interval: Duration = .seconds(300)) async {
        let calendar = GrantCalendar(store: store, configuration: configuration)
        while !Task.isCancelled {
            do {
                try await calendar.announce()
            } catch {
                FileHandle.standardError.write(Data("fiche-server: grant calendar: \(error)\n".utf8))
            }
            // try?: the sleep only throws when the task is cancelled, and the loop then ends.
            try? await Task.sleep(for: interval)
        }
    }

    /// Writes buffered read-audit entries.
    /// Writes the read decisions still waiting (at shutdown); answers how many could not be
    /// written because the store kept refusing them.
    @discardableResult
    public func flushAudit() async -> Int {
        await readAudit.flush()
    }
}
