/// How a push round moved `auth_generation`: from the value it read under the row's lock
/// before setting its devices' last mutation ids, to the value after; nothing else changed the
/// auth tables in between (the lock kept every other writer of the counter waiting).
struct GenerationStep: Sendable, Equatable {
    var from: Int64
    var to: Int64
    /// The devices' new `last_mutation_id`.
    var lastMutationIDs: [String: Int64]
}
