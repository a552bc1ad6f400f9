import FicheDomain
import GRDB

/// Keeps the working view (mirror + pending outbox) up to date, one row at a time.
///
/// For a row with pending mutations, `local_<table>` holds the mirror row with each pending
/// mutation's new values applied in outbox order; without pending mutations it holds nothing
/// and `<table>_view` shows the mirror row. Called after every local write and every pull.
enum WorkingView {
    struct Table {
        let name: String
        let columns: [String]
    }

    static let tables: [String: Table] = [
        "person": Table(name: "person", columns: ReplicaSchema.personColumns),
        "dossier": Table(name: "dossier", columns: ReplicaSchema.dossierColumns),
        "time_record": Table(name: "time_record", columns: ReplicaSchema.timeRecordColumns),
        "art60_event": Table(name: "art60_event", columns: ReplicaSchema.art60EventColumns),
        "note": Table(name: "note", columns: ReplicaSchema.noteColumns),
    ]

    /// The outbox target id of a payroll month: `EMPLOYER/YYYY-MM` (as `PayrollMonth.id`).
    static func payrollMonthKey(_ id: String) -> (employerCode: String, month: String)? {
        guard let slash = id.lastIndex(of: "/") else { return nil }
        return (String(id[..<slash]), String(id[id.index(after: slash)...]))
    }

    /// Recomputes a payroll month's working value (keyed by employer and month, not by id).
    static func recomputePayrollMonth(_ db: Database, id: String) throws {
        guard let key = payrollMonthKey(id) else { return }
        try db.execute(sql: "DELETE FROM local_payroll_month WHERE employer_code = ? AND month = ?",
                       arguments: [key.employerCode, key.month])
        let pending = try String.fetchAll(db, sql: """
            SELECT payload FROM outbox WHERE entity = 'payroll_month' AND target_id = ? ORDER BY id
            """, arguments: [id])
        guard !pending.isEmpty else { return }
        var values: [String: DatabaseValue] = ["employer_code": key.employerCode.databaseValue,
                                               "month": key.month.databaseValue, "version": 0.databaseValue]
        if let mirror = try Row.fetchOne(db, sql: "SELECT * FROM payroll_month WHERE employer_code = ? AND month = ?",
                                         arguments: [key.employerCode, key.month]) {
            for column in ReplicaSchema.payrollMonthColumns { values[column] = mirror[column] }
        }
        for text in pending {
            for (column, change) in try MutationPayload.decode(text).fields { values[column] = change.new }
        }
        let columns = ReplicaSchema.payrollMonthColumns
        try db.execute(sql: "INSERT INTO local_payroll_month (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))",
                       arguments: StatementArguments(columns.map { values[$0] ?? .null }))
    }

    /// Recomputes the working value of `entity` `id`, then the dossier list rows it feeds.
    static func recompute(_ db: Database, entity: String, id: String) throws {
        if entity == "payroll_month" { return try recomputePayrollMonth(db, id: id) }
        guard let table = tables[entity] else { return }
        try overlay(db, entity: entity, table: table, id: id)
        switch entity {
        case "time_record":
            // Validating a correction cancels the entry it replaces, in the same write on the
            // server: the entry's working value follows the correction's.
            if let original = try String.fetchOne(db, sql: "SELECT replaces_id FROM time_record_view WHERE id = ?", arguments: [id]),
               original != id {
                try overlay(db, entity: entity, table: table, id: original)
            }
        case "dossier":
            try DossierListIndex.refresh(db, dossierIDs: [id])
        case "person":
            let dossiers = try String.fetchAll(db, sql: "SELECT id FROM dossier_view WHERE person_id = ?", arguments: [id])
            try DossierListIndex.refresh(db, dossierIDs: dossiers)
        default:
            break
        }
    }

    /// Whether an approval waiting in the outbox validates a correction of time record `id`
    /// (which the server then cancels). Corrections are few: both tables index them.
    static func isCancelledByPendingCorrection(_ db: Database, _ id: String) throws -> Bool {
        let payloads = try String.fetchAll(db, sql: """
            SELECT payload FROM outbox
            WHERE entity = 'time_record' AND mutation = 'reviewTimeRecord'
              AND target_id IN (SELECT id FROM time_record WHERE replaces_id = ?
                                UNION SELECT id FROM local_time_record WHERE replaces_id = ?)
            ORDER BY id
            """, arguments: [id, id])
        return try payloads.contains { try MutationPayload.decode($0).fields["status"]?.new == "validated".databaseValue }
    }

    /// Writes the working row of `id` in `local_<table>`: the mirror row with every pending
    /// change applied, or nothing when none waits.
    private static func overlay(_ db: Database, entity: String, table: Table, id: String) throws {
        try db.execute(sql: "DELETE FROM local_\(table.name) WHERE id = ?", arguments: [id])
        let pending = try Row.fetchAll(db, sql: """
            SELECT payload, mutation, created_by FROM outbox WHERE entity = ? AND target_id = ? ORDER BY id
            """, arguments: [entity, id])
        let cancelled = entity == "time_record" ? try isCancelledByPendingCorrection(db, id) : false
        if !pending.isEmpty || cancelled {
            var values: [String: DatabaseValue] = [:]
            var deleted = true
            var mirrored = false
            if let mirror = try Row.fetchOne(db, sql: "SELECT * FROM \(table.name) WHERE id = ?", arguments: [id]) {
                for column in table.columns { values[column] = mirror[column] }
                deleted = false
                mirrored = true
            }
            for row in pending {
                var payload = try MutationPayload.decode(row["payload"] ?? "")
                if entity == "person", row["mutation"] == "updateDossierField", let iban = payload.fields.removeValue(forKey: "iban") {
                    // A new IBAN is not in force until a second person confirms it: it waits
                    // beside the account in force, which it withdraws when it is that account.
                    let withdrawn = iban.new == (values["iban"] ?? .null)
                    values["pending_iban"] = withdrawn ? .null : iban.new
                    values["pending_iban_by"] = withdrawn ? .null : (row["created_by"] ?? .null)
                }
                for (column, change) in payload.fields { values[column] = change.new }
                deleted = payload.deletes
            }
            // Nothing to show and nothing to hide: a row created here and deleted before the
            // server had it, or changes to a row whose mirror row went meanwhile (a note its
            // author erased on another device). Its values stay out of the overlay.
            if values["employer_code"] == nil || (deleted && !mirrored) { return }
            if cancelled { values["status"] = TimeRecordStatus.cancelled.rawValue.databaseValue }
            values["id"] = id.databaseValue
            if values["version"] == nil { values["version"] = 0.databaseValue }
            let columns = table.columns + ["deleted"]
            let arguments = table.columns.map { values[$0] ?? .null } + [deleted.databaseValue]
            try db.execute(
                sql: "INSERT INTO local_\(table.name) (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))",
                arguments: StatementArguments(arguments))
        }
    }
}
