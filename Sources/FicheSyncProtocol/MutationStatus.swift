/// The terminal result of a mutation, or `gap` when the server is missing an earlier one.
public enum MutationStatus: String, Codable, Sendable, Hashable {
    /// Applied (or already true on the server: a no-op).
    case applied
    /// Refused for good (rule, permission, unknown dossier); `reason` holds the code.
    case rejected
    /// The server value changed since the client read it; `server_value` holds it.
    case conflict
    /// Not processed: an earlier mutation id is missing. Not terminal; push from `last_mutation_id + 1`.
    case gap
}
