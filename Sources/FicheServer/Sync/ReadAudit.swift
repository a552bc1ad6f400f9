import Foundation
import Synchronization

/// Audits read decisions (which employers a pull or snapshot was allowed to see) in batches,
/// so that a read does not wait for a write. Written at 100 different entries, after a second
/// of traffic, and at shutdown; a crash can lose at most that much of the read trail.
///
/// A batch the store refuses (the database away, a full disk) is never dropped: it goes back in
/// front of the entries waiting and is written with them at the next try. While
/// `backlogLimit` entries wait unwritten, `record` throws and the read is refused (503): no
/// data leaves the server without its trail.
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
        /// Batches refused by the store in a row.
        var failedWrites = 0
        /// Entries of the batch being written.
        var inFlight = 0

        /// A batch that was not written, back in front, merged with what came meanwhile.
        mutating func putBack(_ batch: [Pending]) {
            var merged = batch
            var index = Dictionary(uniqueKeysWithValues: batch.enumerated().map { ($1.entry, $0) })
            for later in pending {
                if let position = index[later.entry] {
                    merged[position].repeats += later.repeats
                    merged[position].last = later.last
                } else {
                    index[later.entry] = merged.count
                    merged.append(later)
                }
            }
            pending = merged
            positions = index
        }

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
    /// Entries waiting unwritten beyond which reads are refused.
    static let backlogLimit = 10_000

    init(store: any ServerStore) {
        self.store = store
    }

    /// Queues a read decision.
    /// - Throws: `APIError` 503 `audit_unavailable` when the trail cannot be written and
    ///   `backlogLimit` entries already wait: the caller must not answer the read.
    func record(_ entry: AuditLog.Entry, at: Date) throws {
        try state.withLock { state in
            if state.positions[entry] == nil, state.pending.count + state.inFlight >= Self.backlogLimit {
                if state.writer == nil { startWriter(&state) }
                throw APIError(.serviceUnavailable, "audit_unavailable",
                               "the read audit cannot be written at the moment; nothing was sent, try again later")
            }
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

    /// Returns once every entry recorded before the call is written, or after `attempts`
    /// batches in a row were refused; answers how many entries are left unwritten then.
    @discardableResult
    func flush(attempts: Int = 5) async -> Int {
        while true {
            let writer = state.withLock { state -> Task<Void, Never>? in
                if state.writer == nil && !state.pending.isEmpty { startWriter(&state) }
                return state.writer
            }
            guard let writer else { return 0 }
            await writer.value
            let (failures, left) = state.withLock { ($0.failedWrites, $0.pending.count) }
            if failures >= attempts { return left }
            if failures > 0 { try? await Task.sleep(nanoseconds: 100_000_000) }  // a pause, not a write: nothing to lose
        }
    }

    private func startWriter(_ state: inout State) {
        state.lastFlush = ContinuousClock.now
        state.writer = Task { await self.writeAll() }
    }

    /// Writes one batch, then lets the next `record` decide when the next one is due. A batch
    /// the store refuses goes back in front of the waiting entries.
    private func writeAll() async {
        let batch = state.withLock { state in
            let batch = state.take(upTo: 500)
            state.inFlight = batch.count
            return batch
        }
        let rows = batch.map { pending in
            AuditLog.Repeated(entry: pending.entry, at: Timestamps.iso(pending.first), repeats: pending.repeats,
                              lastAt: pending.repeats > 1 ? Timestamps.iso(pending.last) : nil)
        }
        var written = true
        do {
            try await store.write { tx in try await AuditLog.record(rows, in: tx) }
        } catch {
            written = false
        }
        state.withLock { state in
            state.inFlight = 0
            if written { state.failedWrites = 0 } else { state.failedWrites += 1; state.putBack(batch) }
            state.lastFlush = ContinuousClock.now
            state.writer = nil
        }
    }

    /// Entries waiting, for tests and the flush at shutdown.
    var waiting: Int { state.withLock { $0.pending.count } }
}
