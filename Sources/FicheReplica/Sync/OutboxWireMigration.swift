import FicheDomain
import FicheSyncProtocol
import GRDB

/// Gives outbox rows written before the outbox kept each change as it is sent (migration
/// `v12-outbox-sent-mutation`) their mutation, translated once from the row's columns the way
/// the sync client translated them at every push before. Nothing pending is lost or resent.
enum OutboxWireMigration {
    static func migrate(_ db: Database) throws {
        try db.alter(table: "outbox") { t in t.add(column: "wire", .text) }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id")
        for row in rows {
            let id: Int64 = row["id"]
            let changes = try MutationPayload.decode(row["payload"] ?? "").fieldChanges
            let mutation = try translate(db, id: id, name: row["mutation"], entity: row["entity"], targetID: row["target_id"],
                                         employerCode: row["employer_code"], changes: changes)
            try db.execute(sql: "UPDATE outbox SET wire = ? WHERE id = ?", arguments: [try OutboxEntry.encoded(mutation), id])
        }
    }

    /// The mutation an outbox row of the earlier layout stands for.
    /// - Throws: `StoredRowError` naming the row when a value is not one its version wrote.
    static func translate(_ db: Database, id: Int64, name: String, entity: String, targetID: String, employerCode: String,
                          changes: [String: FieldChange]) throws -> Mutation {
        func value(_ column: String) -> String? { changes[column]?.new }
        func refuse(_ detail: String) -> StoredRowError { StoredRowError(table: "outbox", id: String(id), detail: detail) }
        func date(_ column: String) throws -> LocalDate {
            // Not a date: refused below by name, so the row is reported, never sent half-read.
            guard let text = value(column), let date = try? LocalDate.parse(text) else { throw refuse("\(column) is not a date") }
            return date
        }
        switch name {
        case "recordAbsence", "recordTimeRecord", "recordClocking":
            guard let kind = TimeRecordKind(rawValue: value("kind") ?? "absence") else { throw refuse("unknown kind") }
            let record = RecordTimeRecord(
                recordID: targetID, dossierID: value("dossier_id") ?? "", kind: kind, typeCode: value("type_code"),
                start: try date("start"), end: try date("end"), dayPart: value("day_part").flatMap(DayPart.init(rawValue:)),
                startMinute: value("start_minute").flatMap { Int($0) }, endMinute: value("end_minute").flatMap { Int($0) },
                minutes: value("minutes").flatMap { Int($0) },
                certificateReceived: value("certificate_received").map { $0 == "1" || $0 == "true" },
                status: value("status").flatMap(TimeRecordStatus.init(rawValue:)))
            return name == "recordAbsence" ? .recordAbsence(record) : .recordTimeRecord(record)
        case "reviewTimeRecord":
            let decision: ReviewDecision = value("status") == TimeRecordStatus.validated.rawValue
                ? .approve : .reject(reason: value("rejection_reason") ?? "")
            return .reviewTimeRecord(ReviewTimeRecord(recordID: targetID, decision: decision))
        case "recordArt60Event":
            guard let kind = value("kind").flatMap(Art60EventKind.init(rawValue:)) else { throw refuse("unknown event kind") }
            return .recordArt60Event(RecordArt60Event(
                eventID: targetID, contractID: value("contract_id") ?? "", dossierID: value("dossier_id") ?? "",
                date: try date("date"), kind: kind, placementID: value("placement_id"), note: value("note") ?? ""))
        case "closePayrollMonth":
            let text = value("month") ?? String(targetID.split(separator: "/").last ?? "")
            // Not a month: refused below by name, as a date is.
            guard let month = try? YearMonth.parse(text) else { throw refuse("month is not a month") }
            return .closePayrollMonth(ClosePayrollMonth(employerCode: employerCode, month: month))
        case "recordReveal":
            guard let field = value("field").flatMap(RevealedField.init(rawValue:)) else { throw refuse("unknown field") }
            return .recordReveal(RecordReveal(dossierID: targetID, field: field))
        case "updateDossierField":
            guard let (column, change) = changes.first, let field = DossierField.changed(in: entity, column: column) else {
                throw refuse("unknown field")
            }
            let dossierID = entity == "person"
                ? try String.fetchOne(db, sql: "SELECT id FROM dossier_view WHERE person_id = ? ORDER BY id LIMIT 1",
                                      arguments: [targetID]) ?? targetID
                : targetID
            return .updateDossierField(UpdateDossierField(dossierID: dossierID, field: field, change: change))
        default:
            throw refuse("unknown mutation \(name)")
        }
    }
}
