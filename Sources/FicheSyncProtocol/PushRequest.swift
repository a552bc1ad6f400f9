/// `POST /v1/sync/push`: up to `PushRequest.maximumBatch` outbox entries, in id order.
public struct PushRequest: Codable, Sendable, Hashable {
    /// Largest batch the server accepts.
    public static let maximumBatch = 100

    public var mutations: [PendingMutation]

    public init(mutations: [PendingMutation]) {
        self.mutations = mutations
    }

    /// Why the server refuses the whole request (400), or nil: too many mutations, a mutation
    /// id outside `PushBounds.mutationIDs`, or a text holding U+0000 (`PushBounds.allows`).
    public var boundsProblem: String? {
        if mutations.count > Self.maximumBatch { return "a push carries at most \(Self.maximumBatch) mutations" }
        if let pending = mutations.first(where: { !PushBounds.mutationIDs.contains($0.id) }) {
            return "mutation id \(pending.id) is outside \(PushBounds.mutationIDs.lowerBound)...\(PushBounds.mutationIDs.upperBound)"
        }
        if let pending = mutations.first(where: { pending in
            let texts = pending.mutation.texts
            return !([pending.uuid] + texts.short + texts.long).allSatisfy(PushBounds.allows)
        }) {
            return "mutation \(pending.id) holds a NUL character"
        }
        return nil
    }
}
