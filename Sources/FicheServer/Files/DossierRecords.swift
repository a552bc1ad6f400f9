import FicheSyncProtocol
import Foundation

/// Writes the rows a dossier's career and art. 60 tabs show — career periods, partners, art. 60
/// contracts and placements — with their change-log entries, so every replica granted at the
/// employer receives them at its next pull.
///
/// ```swift
/// try await DossierRecords(store: store, configuration: configuration).upsert(.careerPeriod, [
///     "id": "car-1", "employer_code": "CPAS-T", "dossier_id": dossier, "start_date": "2024-01-01",
///     "grade": "E1", "scale": "E1", "regime": "1000", "schedule": "[…]", "category": "art60",
/// ])
/// ```
public struct DossierRecords: Sendable {
    /// The table each entity is kept in, and its columns besides `id`, `employer_code` and `version`.
    static let tables: [SyncEntity: (table: String, columns: [String])] = [
        .careerPeriod: ("career_periods", ["dossier_id", "start_date", "end_date", "grade", "scale", "regime", "schedule",
                                           "category"]),
        .partner: ("partners", ["name", "kind", "enterprise_number", "address", "contact_name", "active"]),
        .art60Contract: ("art60_contracts", ["dossier_id", "start_date", "end_date", "end_reason", "planned_end", "regime",
                                             "officer_id", "prior_days"]),
        .placement: ("placements", ["contract_id", "partner_id", "start_date", "end_date", "agreement_signed_on",
                                    "monthly_fee_cents", "tasks", "hours_per_week", "supervisor_name"]),
    ]
    /// Columns stored as integers (PostgreSQL refuses text for them).
    static let integerColumns: Set<String> = ["regime", "active", "monthly_fee_cents", "prior_days"]
    /// Values of columns a row may leave out.
    static let defaults: [String: String] = ["prior_days": "0"]

    public let store: any ServerStore
    /// Its clock stamps a deleted row.
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
    }

    /// Inserts or replaces a row of `entity` (`id` and `employer_code` are required); its
    /// version becomes its change-log sequence. Returns that sequence.
    @discardableResult
    public func upsert(_ entity: SyncEntity, _ row: [String: String?]) async throws -> Int64 {
        guard let (table, columns) = Self.tables[entity].map({ ($0.table, $0.columns) }) else {
            throw CommandError("\(entity.rawValue) rows are not written here")
        }
        guard let id = row["id"] ?? nil, let employer = row["employer_code"] ?? nil else {
            throw CommandError("a \(entity.rawValue) row needs an id and an employer_code")
        }
        let all = ["id", "employer_code"] + columns
        var stored: [String: String?] = [:]
        for column in all { stored[column] = .some((row[column] ?? nil) ?? Self.defaults[column]) }
        let logged = stored
        return try await store.write { tx in
            try await ChangeLog.lockClock(in: tx)
            let seq = try await ChangeLog.append([.init(scope: employer, entity: entity, id: id, op: .upsert, row: logged)],
                                                 in: tx).first ?? 0
            try await tx.execute("DELETE FROM \(table) WHERE id = ?", [.text(id)])
            try await tx.execute(
                "INSERT INTO \(table) (\(all.joined(separator: ", ")), version) VALUES (\(all.map { _ in "?" }.joined(separator: ", ")), ?)",
                all.map { Self.value(logged[$0] ?? nil, column: $0) } + [.int(seq)])
            return seq
        }
    }

    /// `text` as the column stores it; an integer column given text that is not a number fails.
    static func value(_ text: String?, column: String) -> SQLValue {
        guard let text else { return .null }
        guard integerColumns.contains(column) else { return .text(text) }
        return Int64(text).map(SQLValue.int) ?? .text(text)
    }

    /// Marks a row of `entity` deleted (a tombstone, kept for the log) and tells replicas to drop it.
    public func delete(_ entity: SyncEntity, id: String) async throws {
        guard let table = Self.tables[entity]?.table else { throw CommandError("\(entity.rawValue) rows are not written here") }
        try await store.write { tx in
            try await ChangeLog.lockClock(in: tx)
            guard let employer = try await tx.first("SELECT employer_code FROM \(table) WHERE id = ? AND deleted_at IS NULL",
                                                    [.text(id)])?.string("employer_code")
            else { throw CommandError("no \(entity.rawValue) \(id)") }
            let seq = try await ChangeLog.append([.init(scope: employer, entity: entity, id: id, op: .delete, row: nil)],
                                                 in: tx).first ?? 0
            try await tx.execute("UPDATE \(table) SET deleted_at = ?, version = ? WHERE id = ?",
                                 [.text(Timestamps.iso(configuration.now())), .int(seq), .text(id)])
        }
    }
}
