import FicheApp
import FicheSync
import Foundation

/// What `fiche sync` prints of a `SyncStatus` and a `SyncSummary`, in the user's language.
enum SyncWords {
    /// `fiche sync --status`: one fact a line (what waits and since when, conflicts, refusals,
    /// the last sync, the initial copy, the last error).
    static func status(_ status: SyncStatus, words: Strings) -> [String] {
        var lines: [String] = []
        if let age = status.oldestPendingAge, status.pending > 0 {
            lines.append(words(.statusPendingOldest, ["count": "\(status.pending)", "age": duration(age, words: words)]))
        } else {
            lines.append(words(.statusPending, ["count": "\(status.pending)"]))
        }
        lines.append(words(.statusConflicts, ["count": "\(status.conflicts)"]))
        lines.append(words(.statusRejected, ["count": "\(status.rejected)"]))
        lines.append(status.lastSync.map { words(.statusLastSync, ["time": $0]) } ?? words(.statusNeverSynced))
        lines.append(words(status.initialSyncDone ? .statusInitialDone : .statusInitialNotFinished))
        // The last error is kept in the replica as the sync layer worded it, after the label.
        lines.append(status.lastError.map { words(.statusLastError, ["error": $0]) } ?? words(.statusNoError))
        return lines
    }

    /// After `fiche sync --once`: online or not, then the status's facts on one line.
    static func line(_ status: SyncStatus, words: Strings) -> String {
        ([words(status.online ? .statusOnline : .statusOffline)] + self.status(status, words: words)).joined(separator: " · ")
    }

    /// What one sync did: sent, received, copied, removed, saved, retried, and the cursor.
    static func summary(_ summary: SyncSummary, words: Strings) -> String {
        var parts = [words(.summaryPushed, ["count": "\(summary.applied + summary.rejected + summary.conflicts)",
                                            "applied": "\(summary.applied)", "rejected": "\(summary.rejected)",
                                            "conflicts": "\(summary.conflicts)"]),
                     words(.summaryPulled, ["count": "\(summary.pulledChanges)"])]
        if summary.snapshotRows > 0 { parts.append(words(.summarySnapshot, ["count": "\(summary.snapshotRows)"])) }
        if !summary.removedEmployers.isEmpty {
            parts.append(words(.summaryRemoved, ["employers": summary.removedEmployers.joined(separator: ", ")]))
        }
        if !summary.savedUnsent.isEmpty { parts.append(words(.summarySavedUnsent, ["paths": summary.savedUnsent.joined(separator: ", ")])) }
        if summary.serverRestored { parts.append(words(.summaryRestored, ["count": "\(summary.pushedAgain)"])) }
        if summary.retries > 0 { parts.append(words(.summaryRetries, ["count": "\(summary.retries)"])) }
        parts.append(words(.summaryCursor, ["cursor": "\(summary.cursor)"]))
        return parts.joined(separator: " · ")
    }

    /// 12 s, 3 min, 2 h, 4 days: the largest whole unit.
    static func duration(_ seconds: TimeInterval, words: Strings) -> String {
        if seconds < 60 { return words(.durationSeconds, ["count": "\(Int(seconds))"]) }
        if seconds < 3600 { return words(.durationMinutes, ["count": "\(Int(seconds / 60))"]) }
        if seconds < 86400 { return words(.durationHours, ["count": "\(Int(seconds / 3600))"]) }
        return words(.durationDays, ["count": "\(Int(seconds / 86400))"])
    }
}
