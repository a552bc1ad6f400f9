import Foundation
import Synchronization

/// Audits read decisions (which employers a pull or snapshot was allowed to see) in batches,
/// so that a read does not wait for a write. Written at 100 entries, after a second of
/// traffic, and at shutdown; a crash can lose at most that much of the read trail.
///
/// Batches are written one at a time in the background, each with one multi-row INSERT, so a
/// request never waits for the audit and the database sees one statement per batch. Recording
/// takes a lock, not a hop to another executor: every pull passes here.
final class ReadAudit: Sendable {
    private struct State {
        var pending: [(at: String, entry: AuditLog.Entry)] = []
        var lastFlush = Date()
        var writer: Task<Void, Never>?
    }

    private let store: any ServerStore
    private let state = Mutex(State())

    static let batchSize = 100

    init(store: any ServerStore) {
        self.store = store
    }

    func record(_ entry: AuditLog.Entry, at: Date) {
        let stamp = Timestamps.iso(at)
        state.withLock { state in
            state.pending.append((stamp, entry))
            if state.writer == nil && (state.pending.count >= Self.batchSize || Date().timeIntervalSince(state.lastFlush) > 1) {
                startWriter(&state)
            }
        }
    }

    /// Returns once every entry recorded before the call is written.
    func flush() async {
        while true {
            let writer = state.withLock { state -> Task<Void, Never>? in
                if state.writer == nil && !state.pending.isEmpty { startWriter(&state) }
                return state.writer
            }
            guard let writer else { return }
            await writer.value
        }
    }

    private func startWriter(_ state: inout State) {
        state.lastFlush = Date()
        state.writer = Task { await self.writeAll() }
    }

    private func writeAll() async {
        while true {
            let batch = state.withLock { state -> [(at: String, entry: AuditLog.Entry)] in
                let batch = Array(state.pending.prefix(500))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty {
                    state.lastFlush = Date()
                    state.writer = nil
                }
                return batch
            }
            guard !batch.isEmpty else { return }
            try? await store.write { tx in
                try await AuditLog.record(batch, in: tx)
            }
        }
    }
}
