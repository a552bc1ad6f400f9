/// Writes the audit trail: who, from which device, when, what, old → new, and the decision.
struct AuditLog {
    /// One audit entry.
    struct Entry: Hashable {
        var userID: String?
        var deviceID: String?
        var action: String
        var decision: String
        var employerCode: String? = nil
        var entity: String? = nil
        var entityID: String? = nil
        var field: String? = nil
        var oldValue: String? = nil
        var newValue: String? = nil
    }

    static func record(_ entry: Entry, at: String, in tx: any StoreTransaction) async throws {
        try await tx.execute(
            """
            INSERT INTO audit (at, user_id, device_id, action, decision, employer_code, entity, entity_id, field,
                               old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(at), .optional(entry.userID), .optional(entry.deviceID), .text(entry.action), .text(entry.decision),
             .optional(entry.employerCode), .optional(entry.entity), .optional(entry.entityID), .optional(entry.field),
             .optional(entry.oldValue), .optional(entry.newValue)])
    }

    /// Entries that each stand for `repeats` identical decisions, the first at `at` and the
    /// last at `lastAt` (nil for one), written with one statement.
    struct Repeated {
        var entry: Entry
        var at: String
        var repeats: Int
        var lastAt: String?
    }

    /// Writes several entries with one statement.
    static func record(_ entries: [Repeated], in tx: any StoreTransaction) async throws {
        guard let statement = statement(entries) else { return }
        try await tx.execute(statement.sql, statement.binds)
    }

    /// The statement of `record`, for a batch; nil without entries.
    static func statement(_ entries: [Repeated]) -> StoreStatement? {
        guard !entries.isEmpty else { return nil }
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        var binds: [SQLValue] = []
        binds.reserveCapacity(entries.count * 13)
        for repeated in entries {
            let entry = repeated.entry
            binds += [.text(repeated.at), .optional(entry.userID), .optional(entry.deviceID), .text(entry.action),
                      .text(entry.decision), .optional(entry.employerCode), .optional(entry.entity), .optional(entry.entityID),
                      .optional(entry.field), .optional(entry.oldValue), .optional(entry.newValue),
                      .int(Int64(repeated.repeats)), .optional(repeated.lastAt)]
        }
        return StoreStatement(
            """
            INSERT INTO audit (at, user_id, device_id, action, decision, employer_code, entity, entity_id, field,
                               old_value, new_value, repeats, last_at)
            VALUES \(Array(repeating: row, count: entries.count).joined(separator: ", "))
            """, binds)
    }
}
