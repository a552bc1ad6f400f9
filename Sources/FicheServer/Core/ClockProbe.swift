import Synchronization

/// The head of the change log, the compaction horizon and the auth generation, as read by one
/// statement.
struct ClockReading: Sendable, Equatable {
    var seq: Int64
    var horizon: Int64
    var authGeneration: Int64
    /// The store's identity (`ServerSchema.identitySQL`): another value means the database
    /// was restored or replaced since the last reading.
    var identity: String

    /// The statement for a store of `backend`.
    static func sql(_ backend: String) -> String {
        """
        SELECT c.seq, c.horizon, a.value AS auth_generation, \(ServerSchema.identitySQL(backend)) AS store_identity
        FROM sync_clock c, auth_generation a
        WHERE c.id = 1 AND a.id = 1
        """
    }

    init(seq: Int64, horizon: Int64, authGeneration: Int64, identity: String = "") {
        self.seq = seq
        self.horizon = horizon
        self.authGeneration = authGeneration
        self.identity = identity
    }

    init(_ row: StoreRow) throws {
        guard let seq = row.int("seq"), let generation = row.int("auth_generation") else {
            throw APIError(.serviceUnavailable, "unavailable", "store not migrated")
        }
        self.init(seq: seq, horizon: row.int("horizon") ?? 0, authGeneration: generation,
                  identity: row.string("store_identity") ?? "")
    }
}

/// Reads `ClockReading`s for many concurrent requests with one statement.
///
/// A request gets a reading whose statement STARTED AFTER the request asked: it joins the
/// next read, never one already on its way to the database. So the answer is as fresh as if
/// each request had read the clock itself (a change committed before the request arrived is
/// seen), while the database answers one small query per round instead of one per request.
final class ClockProbe: Sendable {
    private struct State {
        var waiting: [CheckedContinuation<ClockReading, any Error>] = []
        var reading = false
    }

    private let store: any ServerStore
    private let sql: String
    private let state = Mutex(State())

    init(store: any ServerStore) {
        self.store = store
        self.sql = ClockReading.sql(store.backend)
    }

    func read() async throws -> ClockReading {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state in
                state.waiting.append(continuation)
                if state.reading { return false }
                state.reading = true
                return true
            }
            if start {
                Task { await self.rounds() }
            }
        }
    }

    /// Reads for everyone waiting, again while requests keep arriving, then stops.
    private func rounds() async {
        while true {
            let batch = state.withLock { state in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.reading = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let result: Result<ClockReading, any Error>
            do {
                let sql = self.sql
                result = .success(try await store.read { tx in
                    guard let row = try await tx.first(sql) else {
                        throw APIError(.serviceUnavailable, "unavailable", "store not migrated")
                    }
                    return try ClockReading(row)
                })
            } catch {
                result = .failure(error)
            }
            for continuation in batch {
                continuation.resume(with: result)
            }
        }
    }
}
