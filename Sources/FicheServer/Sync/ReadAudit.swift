import Foundation

/// Audits read decisions (which employers a pull or snapshot was allowed to see) in batches,
/// so that a read does not wait for a write. Written at 100 entries, after a second of
/// traffic, and at shutdown; a crash can lose at most that much of the read trail.
///
/// Batches are written one at a time in the background, each with one multi-row INSERT, so a
/// request never waits for the audit and the database sees one statement per batch.
actor ReadAudit {
    private let store: any ServerStore
    private var pending: [(at: String, entry: AuditLog.Entry)] = []
    private var lastFlush = Date()
    private var writer: Task<Void, Never>?

    static let batchSize = 100

    init(store: any ServerStore) {
        self.store = store
    }

    func record(_ entry: AuditLog.Entry, at: Date) {
        pending.append((Timestamps.iso(at), entry))
        if writer == nil && (pending.count >= Self.batchSize || Date().timeIntervalSince(lastFlush) > 1) {
            startWriter()
        }
    }

    /// Returns once every entry recorded before the call is written.
    func flush() async {
        while true {
            if let writer {
                await writer.value
            } else if pending.isEmpty {
                return
            } else {
                startWriter()
            }
        }
    }

    private func startWriter() {
        lastFlush = Date()
        writer = Task {
            await self.writeAll()
        }
    }

    private func writeAll() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(500))
            pending.removeFirst(batch.count)
            try? await store.write { tx in
                try await AuditLog.record(batch, in: tx)
            }
        }
        lastFlush = Date()
        writer = nil
    }
}
