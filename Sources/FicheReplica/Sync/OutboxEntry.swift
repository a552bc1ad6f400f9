import FicheDomain
import FicheSyncProtocol
import Foundation

/// A local change waiting for the server, as the outbox holds it (docs/SYNC.md).
public struct OutboxEntry: Hashable, Sendable {
    /// Monotonic local id; it is also the client mutation id sent to the server.
    public var id: Int64
    public var uuid: String
    /// The local action, e.g. `recordAbsence`, `recordClocking` or `updateDossierField`.
    public var mutation: String
    /// The kind of row changed: `time_record`, `person` or `dossier`.
    public var entity: String
    public var targetID: String
    public var employerCode: String
    /// The version of the mirror row the change was made on (`nil` for a new row).
    public var baseVersion: Int64?
    /// Per replica column: the value before and after (what the working view replays).
    public var changes: [String: FieldChange]
    /// The change exactly as the server receives it, built by the form's write from typed values.
    public var sent: Mutation
    /// ISO 8601, UTC.
    public var createdAt: String
    public var createdBy: String
    public var attempts: Int

    public init(id: Int64, uuid: String, mutation: String, entity: String, targetID: String, employerCode: String,
                baseVersion: Int64?, changes: [String: FieldChange], sent: Mutation, createdAt: String, createdBy: String,
                attempts: Int) {
        self.id = id
        self.uuid = uuid
        self.mutation = mutation
        self.entity = entity
        self.targetID = targetID
        self.employerCode = employerCode
        self.baseVersion = baseVersion
        self.changes = changes
        self.sent = sent
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.attempts = attempts
    }

    /// The outbox's `wire` column for a mutation: its JSON, keys sorted.
    static func encoded(_ mutation: Mutation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(mutation), as: UTF8.self)
    }

    /// The mutation an outbox row's `wire` column holds.
    /// - Throws: `StoredRowError` when the column is not a mutation this version knows.
    static func decoded(_ text: String, id: Int64) throws -> Mutation {
        do {
            return try JSONDecoder().decode(Mutation.self, from: Data(text.utf8))
        } catch {
            throw StoredRowError(table: "outbox", id: String(id), detail: "not a mutation: \(text.prefix(80))")
        }
    }
}
