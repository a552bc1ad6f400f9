import FicheDomain

/// A change of the clerk's that the server refused or found in conflict, with what is needed
/// to act on it: the dossier, what was typed (old → new per field), what the server holds, why.
public struct SyncConflict: Hashable, Sendable {
    /// The local outbox id the change had (also the key of its recorded result).
    public var mutationID: Int64
    /// `recordAbsence`, `updateDossierField`, …
    public var mutation: String
    /// `time_record`, `person` or `dossier`.
    public var entity: String
    public var targetID: String
    public var employerCode: String
    /// `conflict` (someone changed the value meanwhile) or `rejected` (refused for good).
    public var status: String
    /// The server's stable code (`field.changed`, `access.denied`, a rule code…).
    public var reason: String?
    /// The server's value of the field, for a conflict.
    public var serverValue: String?
    /// The dossier the change was about; nil when the replica no longer holds it.
    public var dossierID: String?
    public var dossierNumber: String?
    /// "Van den Bossche, Éloïse".
    public var dossierName: String?
    /// What the clerk typed, per field, from the audit row written with the change.
    public var changes: [String: FieldChange]
    /// ISO 8601 time the server's answer was recorded.
    public var recordedAt: String

    public init(mutationID: Int64, mutation: String, entity: String, targetID: String, employerCode: String, status: String,
                reason: String?, serverValue: String?, dossierID: String?, dossierNumber: String?, dossierName: String?,
                changes: [String: FieldChange], recordedAt: String) {
        self.mutationID = mutationID
        self.mutation = mutation
        self.entity = entity
        self.targetID = targetID
        self.employerCode = employerCode
        self.status = status
        self.reason = reason
        self.serverValue = serverValue
        self.dossierID = dossierID
        self.dossierNumber = dossierNumber
        self.dossierName = dossierName
        self.changes = changes
        self.recordedAt = recordedAt
    }

    /// Whether the server found the value changed meanwhile (rather than refusing the change).
    public var isConflict: Bool { status == "conflict" }

    /// The field a field change was about (`iban`, `last_name`…); nil for a new entry.
    public var field: String? { mutation == "updateDossierField" ? changes.keys.sorted().first : nil }

    /// A field someone else changed meanwhile: settled by keeping yours, taking theirs or editing
    /// (a change to a dossier deleted on the server is not).
    public var isFieldConflict: Bool { isConflict && field != nil && reason == "field.changed" }

    /// Per field: the value the clerk started from (base), what they typed (yours) and what the
    /// server holds now (theirs; nil when the server refused rather than found a conflict).
    public var versions: [(field: String, base: String?, yours: String?, theirs: String?)] {
        changes.keys.sorted().map { name in
            (name, changes[name]?.old, changes[name]?.new, isConflict ? serverValue : nil)
        }
    }
}
