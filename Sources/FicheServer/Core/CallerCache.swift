import FicheDomain
import Synchronization

/// Callers recently authenticated, by the hash of their access token.
///
/// An entry is only a shortcut to what the database said: it is used for a request only when
/// the `auth_generation` read for that request (a `ClockProbe` reading, taken after the request
/// arrived) equals the one read in the same statement as the entry's device, user and grants,
/// the entry was built for today's date (grants have validity dates), and the token has not
/// expired. Any change to devices, users or grants moves the generation, from this process or
/// any other, so a revoked device or a removed grant is refused at its next request.
final class CallerCache: Sendable {
    struct Entry: Sendable {
        var caller: Caller
        var generation: Int64
        /// The store identity read with the rows (`ClockReading.identity`).
        var identity: String
        var day: LocalDate?
        var accessExpiresAt: Int64
    }

    static let capacity = 10_000
    private let entries = Mutex<[String: Entry]>([:])

    func entry(forTokenHash hash: String) -> Entry? {
        entries.withLock { $0[hash] }
    }

    func store(_ entry: Entry, forTokenHash hash: String) {
        entries.withLock { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { $0.value.generation >= entry.generation }
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[hash] = entry
        }
    }

    /// After a transaction whose only change to devices, users and grants was to set the
    /// `last_mutation_id` of some devices (a push round), moving the generation from `from` to
    /// `to`: entries read at `from` are still right once those ids are updated, so they move to
    /// `to` instead of every device reading its caller again at its next request.
    func advance(_ step: GenerationStep) {
        entries.withLock { entries in
            for (hash, entry) in entries where entry.generation == step.from {
                var moved = entry
                moved.generation = step.to
                if let last = step.lastMutationIDs[entry.caller.deviceID] { moved.caller.lastMutationID = last }
                entries[hash] = moved
            }
        }
    }

    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
