import Foundation

/// What the status badge and `fiche sync --status` show: online or not, what waits, what needs
/// a person, and when the replica last heard from the server. Never "synced" while anything waits.
public struct SyncStatus: Sendable, Hashable {
    /// Changes saved locally that the server has not answered yet.
    public var pending: Int
    /// Age of the oldest of them, in seconds (nil when nothing waits).
    public var oldestPendingAge: TimeInterval?
    /// Changes the server refused because someone else changed the value meanwhile.
    public var conflicts: Int
    /// Changes refused for good (rule, permission).
    public var rejected: Int
    /// Last successful pull (ISO 8601), nil before the first.
    public var lastSync: String?
    /// True when the last attempt reached the server.
    public var online: Bool
    /// The last failure, in one line, nil after a success.
    public var lastError: String?
    /// False until the first full copy is in (screens show progress, not partial data).
    public var initialSyncDone: Bool

    public init(pending: Int, oldestPendingAge: TimeInterval?, conflicts: Int, rejected: Int, lastSync: String?,
                online: Bool, lastError: String?, initialSyncDone: Bool) {
        self.pending = pending
        self.oldestPendingAge = oldestPendingAge
        self.conflicts = conflicts
        self.rejected = rejected
        self.lastSync = lastSync
        self.online = online
        self.lastError = lastError
        self.initialSyncDone = initialSyncDone
    }

    /// True only when nothing waits and nothing needs attention.
    public var isSynced: Bool { pending == 0 && conflicts == 0 && initialSyncDone && lastError == nil }

    /// One line, e.g. `online · 3 pending (oldest 2 h) · 1 conflict · last sync 2026-11-24T10:42Z`.
    public var line: String {
        var parts = [online ? "online" : "offline"]
        if let age = oldestPendingAge, pending > 0 {
            parts.append("\(pending) pending (oldest \(Self.duration(age)))")
        } else {
            parts.append("0 pending")
        }
        parts.append("\(conflicts) conflict\(conflicts == 1 ? "" : "s")")
        if rejected > 0 { parts.append("\(rejected) rejected") }
        parts.append("last sync \(lastSync ?? "never")")
        if !initialSyncDone { parts.append("initial sync not finished") }
        if let lastError { parts.append("last error: \(lastError)") }
        return parts.joined(separator: " · ")
    }

    static func duration(_ seconds: TimeInterval) -> String {
        if seconds < 60 { return "\(Int(seconds)) s" }
        if seconds < 3600 { return "\(Int(seconds / 60)) min" }
        if seconds < 86400 { return "\(Int(seconds / 3600)) h" }
        return "\(Int(seconds / 86400)) d"
    }
}
