/// What one sync did, printed by `fiche sync --once`.
public struct SyncSummary: Sendable, Hashable {
    /// Mutations the server answered in this sync, by outcome.
    public var applied = 0
    public var rejected = 0
    public var conflicts = 0
    /// Pulled change-log entries applied.
    public var pulledChanges = 0
    /// Snapshot rows written (initial sync or a new employer).
    public var snapshotRows = 0
    /// Employers removed from the replica because a grant ended.
    public var removedEmployers: [String] = []
    /// Files the unsent entries of a removed employer were saved to before its rows went.
    public var savedUnsent: [String] = []
    /// Retries after transient failures.
    public var retries = 0
    /// The server's database had been restored or replaced: the replica took a fresh copy.
    public var serverRestored = false
    /// Changes the server had acknowledged before its restore, pushed again.
    public var pushedAgain = 0
    /// The pull cursor after the sync.
    public var cursor: Int64 = 0

    public init() {}

    /// One line, e.g. `pushed 3 (2 applied, 1 conflict) · pulled 14 changes · cursor 120`.
    public var line: String {
        var parts = ["pushed \(applied + rejected + conflicts) (\(applied) applied, \(rejected) rejected, \(conflicts) conflicts)",
                     "pulled \(pulledChanges) changes"]
        if snapshotRows > 0 { parts.append("\(snapshotRows) snapshot rows") }
        if !removedEmployers.isEmpty { parts.append("removed \(removedEmployers.joined(separator: ", "))") }
        if !savedUnsent.isEmpty { parts.append("unsent entries saved to \(savedUnsent.joined(separator: ", "))") }
        if serverRestored { parts.append("server restored: fresh copy, \(pushedAgain) acknowledged entries pushed again") }
        if retries > 0 { parts.append("\(retries) retries") }
        parts.append("cursor \(cursor)")
        return parts.joined(separator: " · ")
    }
}
