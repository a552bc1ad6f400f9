extension AppDatabase {
    /// A server row as sync delivers it, in the server's own column names (`start_date`,
    /// `payroll_clerk`…); the replica maps it onto its mirror tables. Values are text, as on the wire.
    public struct SyncedRow: Sendable, Hashable {
        /// `dossier`, `time_record`, `note`… (a `SyncEntity` raw value).
        public var entity: String
        public var id: String
        public var employerCode: String
        public var version: Int64
        public var fields: SyncedFields

        public init(entity: String, id: String, employerCode: String, version: Int64, fields: SyncedFields) {
            self.entity = entity
            self.id = id
            self.employerCode = employerCode
            self.version = version
            self.fields = fields
        }
    }
}
