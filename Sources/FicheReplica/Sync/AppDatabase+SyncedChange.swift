extension AppDatabase {
    /// One pulled change-log entry: an upsert or delete of a row, or a scope event.
    public struct SyncedChange: Sendable, Hashable {
        /// What the entry does.
        public enum Operation: String, Sendable, Hashable {
            case upsert
            case delete
            /// The user lost the employer: delete its rows, keep the outbox.
            case scopeRemoved = "scope_removed"
            /// The user gained (or changed) access to the employer: fetch its rows.
            case scopeAdded = "scope_added"
        }

        public var operation: Operation
        /// The row for upserts and deletes; for scope events only `employerCode` matters.
        public var row: SyncedRow

        public init(operation: Operation, row: SyncedRow) {
            self.operation = operation
            self.row = row
        }
    }
}
