import FicheSyncProtocol

/// The answer to one push request, built as its mutations are processed.
struct ResponseTracker {
    private var results: [MutationResult] = []
    private var lastMutationID: Int64
    private var checkpoint: Int64 = 0

    init(caller: Caller) {
        lastMutationID = caller.lastMutationID
    }

    var isEmpty: Bool { results.isEmpty }

    var response: PushResponse {
        PushResponse(results: results, lastMutationID: lastMutationID, checkpoint: checkpoint)
    }

    /// Adds a mutation's result, with the device's last mutation id after it as the store has
    /// it; false at a gap, where the request stops.
    mutating func add(_ result: MutationResult, of pending: PendingMutation, deviceLast: Int64?) -> Bool {
        results.append(result)
        lastMutationID = max(lastMutationID, deviceLast ?? 0)
        if result.status == .gap { return false }
        lastMutationID = max(lastMutationID, pending.id)
        checkpoint = max(checkpoint, result.seq ?? 0)
        return true
    }
}
