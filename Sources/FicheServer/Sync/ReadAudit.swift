import Foundation

/// Audits read decisions (which employers a pull or snapshot was allowed to see) in batches,
/// so that a read does not wait for a write. Flushed every 100 entries, every second of
/// traffic, and at shutdown; a crash can lose at most that much of the read trail.
actor ReadAudit {
    private let store: any ServerStore
    private var pending: [(at: String, entry: AuditLog.Entry)] = []
    private var lastFlush = Date()

    init(store: any ServerStore) {
        self.store = store
    }

    func record(_ entry: AuditLog.Entry, at: Date) async {
        pending.append((Timestamps.iso(at), entry))
        if pending.count >= 100 || Date().timeIntervalSince(lastFlush) > 1 {
            await flush()
        }
    }

    func flush() async {
        let batch = pending
        pending = []
        lastFlush = Date()
        guard !batch.isEmpty else { return }
        try? await store.write { tx in
            for item in batch {
                try await AuditLog.record(item.entry, at: item.at, in: tx)
            }
        }
    }
}
