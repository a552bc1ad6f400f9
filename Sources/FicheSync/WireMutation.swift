import FicheReplica
import FicheSyncProtocol

/// Translates pulled rows and server answers into what the replica applies (the outbox already
/// holds each change as it is sent).
enum WireMutation {
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
