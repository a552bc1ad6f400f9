import FicheSyncProtocol
import Synchronization

/// Group commit for pushes: requests that arrive while a push transaction runs wait here, and
/// the next round takes all of them into one transaction (one clock lock, one commit).
///
/// Only one round runs at a time, so push transactions commit one after the other, in the
/// order of their sequences. A round is at most `maximumMutations` mutations (at least one
/// request), so other writers waiting on the clock are not held up for long.
final class PushQueue: Sendable {
    /// One authenticated request waiting for its answer.
    struct Waiting: Sendable {
        var request: PushRequest
        var caller: Caller
        var continuation: CheckedContinuation<PushResponse, any Error>
    }

    /// Answers every request of a round, in the round's order.
    typealias Round = @Sendable ([(request: PushRequest, caller: Caller)]) async -> [Result<PushResponse, any Error>]

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    static let maximumMutations = 400

    private let state = Mutex(State())

    /// Waits for a round to apply `request`; `round` applies a whole round (the same function
    /// for every caller: the first request of an idle queue starts the rounds with it).
    func submit(_ request: PushRequest, caller: Caller, round: @escaping Round) async throws -> PushResponse {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state in
                state.waiting.append(Waiting(request: request, caller: caller, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if start {
                // Above the requests' priority: a round holds the clock lock and every request
                // queued behind it waits for it, so its steps go before the parsing of the next
                // requests (at the same priority they queued behind it).
                Task(priority: .high) { await self.rounds(round) }
            }
        }
    }

    /// Runs rounds while requests keep arriving, then stops.
    private func rounds(_ round: Round) async {
        while true {
            let batch = state.withLock { state in
                var taken = 0
                var mutations = 0
                for waiting in state.waiting {
                    mutations += waiting.request.mutations.count
                    if taken > 0 && mutations > Self.maximumMutations { break }
                    taken += 1
                }
                let batch = Array(state.waiting.prefix(taken))
                state.waiting.removeFirst(taken)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let results = await round(batch.map { ($0.request, $0.caller) })
            for (index, waiting) in batch.enumerated() {
                waiting.continuation.resume(
                    with: index < results.count ? results[index] : .failure(APIError(.serviceUnavailable, "unavailable", "try again later")))
            }
        }
    }
}
