import FicheSyncProtocol
import Synchronization

/// Group commit for pushes: requests that arrive while a push transaction runs wait here, and
/// the next round takes all of them into one transaction (one clock lock, one commit).
///
/// The next round starts once the running one holds the clock lock (`Round`'s `locked`): it
/// reads its time records while that one applies, writes and commits (`PushWrites.reading`),
/// then waits for the clock, and reads again what that round logged for its dossiers
/// (`PushWrites.lock`). The clock row still lets one round at a time apply and commit, in the
/// order of their sequences; at most two rounds are under way, one holding the clock and one
/// reading before it. A round is at most `maximumMutations` mutations (at least one request),
/// so other writers waiting on the clock are not held up for long.
final class PushQueue: Sendable {
    /// One authenticated request waiting for its answer.
    struct Waiting: Sendable {
        var request: PushRequest
        var caller: Caller
        var continuation: CheckedContinuation<PushResponse, any Error>
    }

    /// Answers every request of a round, in the round's order; calls `locked` once its
    /// transaction holds the clock (the queue starts the next round then, or when the round
    /// returns, whichever comes first).
    typealias Round = @Sendable (_ round: [(request: PushRequest, caller: Caller)], _ locked: @escaping @Sendable () -> Void) async
        -> [Result<PushResponse, any Error>]

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

    /// Requests waiting for a round (not those of a round under way).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Runs rounds while requests keep arriving, then stops (the last round may still be
    /// under way).
    private func rounds(_ round: @escaping Round) async {
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
            let locked = RoundSignal()
            Task(priority: .high) {
                let results = await round(batch.map { ($0.request, $0.caller) }) { locked.fire() }
                locked.fire()
                for (index, waiting) in batch.enumerated() {
                    waiting.continuation.resume(
                        with: index < results.count ? results[index] : .failure(APIError(.serviceUnavailable, "unavailable", "try again later")))
                }
            }
            await locked.wait()
        }
    }
}
