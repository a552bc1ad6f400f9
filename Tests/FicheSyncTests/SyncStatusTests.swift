import FicheSync
import XCTest

/// The badge text: what waits, what needs a person, and never "synced" while anything does.
final class SyncStatusTests: XCTestCase {
    func testStatusLineNeverSaysSyncedWhileChangesWait() {
        let waiting = SyncStatus(pending: 3, oldestPendingAge: 7200, conflicts: 1, rejected: 0, lastSync: "2026-11-24T10:42:00Z",
                                 online: true, lastError: nil, initialSyncDone: true)
        XCTAssertFalse(waiting.isSynced)
        XCTAssertEqual(waiting.line, "online · 3 pending (oldest 2 h) · 1 conflict · last sync 2026-11-24T10:42:00Z")
        var clean = waiting
        clean.pending = 0
        clean.oldestPendingAge = nil
        clean.conflicts = 0
        XCTAssertTrue(clean.isSynced)
    }
}
