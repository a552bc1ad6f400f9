import FicheReplica
import FicheSyncProtocol

/// Translates between the replica's outbox rows and pulled rows and the protocol's wire types.
enum WireMutation {
    /// The wire field for a replica column changed by `updateDossierField`.
    static let fields: [String: FicheSyncProtocol.DossierField] = [
        "iban": .iban, "last_name": .lastName, "first_name": .firstName, "payroll_clerk_id": .payrollClerk,
        "status": .status, "niss": .niss, "language": .language, "address": .address,
    ]

    /// The outbox row as pushed, numbered `serverID` for the server.
    ///
    /// A change the protocol cannot carry yet (the time manager of a dossier) is sent against no
    /// dossier, so the server answers it `rejected` and the numbering stays gap-free.
    static func pending(for entry: OutboxEntry, serverID: Int64, dossierID: String) -> PendingMutation {
        switch entry.mutation {
        case "recordAbsence", "recordTimeRecord", "recordClocking":
            let c = entry.changes
            func value(_ name: String) -> String? { c[name]?.new }
            let record = RecordTimeRecord(
                recordID: entry.targetID, dossierID: value("dossier_id") ?? "", kind: value("kind") ?? "absence",
                typeCode: value("type_code"), start: value("start") ?? "", end: value("end") ?? "",
                dayPart: value("day_part"), startMinute: value("start_minute").flatMap { Int($0) },
                endMinute: value("end_minute").flatMap { Int($0) }, minutes: value("minutes").flatMap { Int($0) },
                certificateReceived: value("certificate_received").map { $0 == "1" || $0 == "true" },
                status: value("status"))
            let mutation: Mutation = entry.mutation == "recordAbsence" ? .recordAbsence(record) : .recordTimeRecord(record)
            return PendingMutation(id: serverID, uuid: entry.uuid, mutation: mutation)
        case "reviewTimeRecord":
            let validated = entry.changes["status"]?.new == "validated"
            return PendingMutation(id: serverID, uuid: entry.uuid, mutation: .reviewTimeRecord(ReviewTimeRecord(
                recordID: entry.targetID, decision: validated ? ReviewTimeRecord.approve : ReviewTimeRecord.reject,
                reason: validated ? nil : entry.changes["rejection_reason"]?.new)))
        case "recordArt60Event":
            let c = entry.changes
            return PendingMutation(id: serverID, uuid: entry.uuid, mutation: .recordArt60Event(RecordArt60Event(
                eventID: entry.targetID, contractID: c["contract_id"]?.new ?? "", dossierID: c["dossier_id"]?.new ?? "",
                date: c["date"]?.new ?? "", kind: c["kind"]?.new ?? "", placementID: c["placement_id"]?.new,
                note: c["note"]?.new ?? "")))
        case "closePayrollMonth":
            let month = entry.changes["month"]?.new ?? String(entry.targetID.split(separator: "/").last ?? "")
            return PendingMutation(id: serverID, uuid: entry.uuid, mutation: .closePayrollMonth(ClosePayrollMonth(
                employerCode: entry.employerCode, month: month)))
        case "recordReveal":
            return PendingMutation(id: serverID, uuid: entry.uuid, mutation: .recordReveal(RecordReveal(
                dossierID: entry.targetID, field: entry.changes["field"]?.new ?? "")))
        default:
            if entry.mutation == "updateDossierField", let (column, change) = entry.changes.first,
               let field = fields[column] {
                return PendingMutation(id: serverID, uuid: entry.uuid, mutation: .updateDossierField(UpdateDossierField(
                    dossierID: dossierID, field: field, change: FicheSyncProtocol.FieldChange(old: change.old, new: change.new))))
            }
            return PendingMutation(id: serverID, uuid: entry.uuid, mutation: .updateDossierField(UpdateDossierField(
                dossierID: "unsupported:\(entry.mutation)", field: .status,
                change: FicheSyncProtocol.FieldChange(old: nil, new: nil))))
        }
    }

    /// A pulled change-log entry as the replica applies it.
    static func change(_ change: Change) -> AppDatabase.SyncedChange {
        AppDatabase.SyncedChange(
            operation: AppDatabase.SyncedChange.Operation(rawValue: change.op.rawValue) ?? .upsert,
            row: AppDatabase.SyncedRow(entity: change.entity.rawValue, id: change.id, employerCode: change.scope,
                                       version: change.version, fields: AppDatabase.SyncedFields(change.row ?? [:])))
    }

    /// A snapshot page's rows as the replica applies them, sharing the page's column index (rows
    /// that lack their id or employer are left out; a row without a version takes `pinnedSeq`).
    static func rows(_ table: TextTable, entity: SyncEntity, pinnedSeq: Int64) -> [AppDatabase.SyncedRow] {
        let columns = AppDatabase.SyncedFields.Columns(table.columns)
        guard let idColumn = columns.position(of: "id"), let employerColumn = columns.position(of: "employer_code") else {
            return []
        }
        let versionColumn = columns.position(of: "version")
        // One String per value, made once for the whole page; each row is a slice of them.
        let values = table.values
        let width = table.columns.count
        var rows: [AppDatabase.SyncedRow] = []
        rows.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let fields = values[row * width ..< (row + 1) * width]
            let base = fields.startIndex
            guard let id = fields[base + idColumn], let employer = fields[base + employerColumn] else { continue }
            let version = versionColumn.flatMap { fields[base + $0] }.flatMap { Int64($0) } ?? pinnedSeq
            rows.append(AppDatabase.SyncedRow(entity: entity.rawValue, id: id, employerCode: employer, version: version,
                                              fields: AppDatabase.SyncedFields(columns: columns, values: fields)))
        }
        return rows
    }

    /// A server result as the replica records it.
    static func result(_ result: MutationResult) -> AppDatabase.SyncedResult {
        AppDatabase.SyncedResult(serverMutationID: result.mutationID, uuid: result.uuid, status: result.status.rawValue,
                                 reason: result.reason, serverValue: result.serverValue, seq: result.seq)
    }
}
