import Foundation

/// A local change waiting for the server, as the outbox holds it (docs/SYNC.md).
public struct OutboxEntry: Hashable, Sendable {
    /// Monotonic local id; it is also the client mutation id sent to the server.
    public var id: Int64
    public var uuid: String
    /// The mutation's name, e.g. `recordAbsence` or `updateDossierField`.
    public var mutation: String
    /// The kind of row changed: `time_record`, `person` or `dossier`.
    public var entity: String
    public var targetID: String
    public var employerCode: String
    /// The version of the mirror row the change was made on (`nil` for a new row).
    public var baseVersion: Int64?
    /// Per field: the value before and after.
    public var changes: [String: FieldChange]
    /// ISO 8601, UTC.
    public var createdAt: String
    public var createdBy: String
    public var attempts: Int

    public init(id: Int64, uuid: String, mutation: String, entity: String, targetID: String, employerCode: String,
                baseVersion: Int64?, changes: [String: FieldChange], createdAt: String, createdBy: String, attempts: Int) {
        self.id = id
        self.uuid = uuid
        self.mutation = mutation
        self.entity = entity
        self.targetID = targetID
        self.employerCode = employerCode
        self.baseVersion = baseVersion
        self.changes = changes
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.attempts = attempts
    }
}
