extension AppDatabase {
    /// The server's terminal answer to one pushed mutation.
    public struct SyncedResult: Sendable, Hashable {
        /// The id the server knows (outbox id minus `SyncState.mutationBase`).
        public var serverMutationID: Int64
        public var uuid: String
        /// `applied`, `rejected` or `conflict`.
        public var status: String
        public var reason: String?
        public var serverValue: String?
        /// The change-log sequence of the effects (applied only).
        public var seq: Int64?

        public init(serverMutationID: Int64, uuid: String, status: String, reason: String?, serverValue: String?, seq: Int64?) {
            self.serverMutationID = serverMutationID
            self.uuid = uuid
            self.status = status
            self.reason = reason
            self.serverValue = serverValue
            self.seq = seq
        }
    }
}
