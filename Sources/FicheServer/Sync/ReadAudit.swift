import Foundation
import Synchronization

/// Audits read decisions (which employers a pull or snapshot was allowed to see) in batches,
/// so that a read does not wait for a write. Written at 100 different entries, after a second
/// of traffic, and at shutdown; a crash can lose at most that much of the read trail.
///
/// A device at the head of the log pulls every few seconds and is allowed the same employers
/// with the same cursor each time. Identical decisions of one batch are one row: the first
/// time in `at`, the last in `last_at`, how many in `repeats`. The trail still says who read
/// which employers' data and when, without a row per poll (a busy server wrote one per
/// request and spent more on the audit than on the pulls themselves).
///
/// Batches are written one at a time in the background, each with one multi-row INSERT, so a
/// request never waits for the audit and the database sees one statement per batch. Recording
/// takes a lock, not a hop to another executor: every pull passes here.
final class ReadAudit: Sendable {
    private struct Pending {
        var entry: AuditLog.Entry
        var first: Date
        var last: Date
        var repeats: Int
    }

    private struct State {
        var pending: [Pending] = []
        var positions: [AuditLog.Entry: Int] = [:]
        var lastFlush = ContinuousClock.now
        var writer: Task<Void, Never>?

        mutating func take(upTo count: Int) -> [Pending] {
            if pending.count <= count {
                positions.removeAll(keepingCapacity: true)
                defer { pending.removeAll(keepingCapacity: true) }
                return pending
            }
            let batch = Array(pending.prefix(count))
            pending.removeFirst(count)
            positions = Dictionary(uniqueKeysWithValues: pending.enumerated().map { ($1.entry, $0) })
            return batch
        }
    }

    private let store: any ServerStore
    private let state = Mutex(State())

    static let batchSize = 100

    init(store: any ServerStore) {
        self.store = store
    }

    func record(_ entry: AuditLog.Entry, at: Date) {
        state.withLock { state in
            if let position = state.positions[entry] {
                state.pending[position].repeats += 1
                state.pending[position].last = at
            } else {
                state.positions[entry] = state.pending.count
                state.pending.append(Pending(entry: entry, first: at, last: at, repeats: 1))
            }
            if state.writer == nil
                && (state.pending.count >= Self.batchSize || ContinuousClock.now - state.lastFlush > .seconds(1)) {
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
        state.lastFlush = ContinuousClock.now
        state.writer = Task { await self.writeAll() }
    }

    /// Writes one batch, then lets the next `record` decide when the next one is due.
    private func writeAll() async {
        let batch = state.withLock { $0.take(upTo: 500) }
        let rows = batch.map { pending in
            AuditLog.Repeated(entry: pending.entry, at: Timestamps.iso(pending.first), repeats: pending.repeats,
                              lastAt: pending.repeats > 1 ? Timestamps.iso(pending.last) : nil)
        }
        try? await store.write { tx in
            try await AuditLog.record(rows, in: tx)
        }
        state.withLock { state in
            state.lastFlush = ContinuousClock.now
            state.writer = nil
        }
    }
}
