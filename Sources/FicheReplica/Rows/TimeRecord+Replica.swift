import FicheDomain
import FicheSyncProtocol
import GRDB

extension TimeRecord {
    /// The mirror row of this time record (`RecordTimeRecord.columns`, by their replica names).
    var replicaColumns: [String: DatabaseValue] {
        var columns: [String: DatabaseValue] = [:]
        for column in RecordTimeRecord.columns {
            columns[column.replicaName] = switch column.value(of: self) {
            case .text(let text): text.databaseValue
            case .integer(let number): number.databaseValue
            case .flag(let flag): flag.databaseValue
            }
        }
        return columns
    }

    init(stored row: Row) throws {
        do {
            self = try TimeRecordColumn.record { column in
                switch column.kind {
                case .text: .text(row[column.replicaName])
                case .integer: .integer(row[column.replicaName])
                case .flag: .flag((row[column.replicaName] as Bool?) ?? false)
                }
            }
        } catch {
            throw StoredRowError(table: "time_record", id: (row["id"] as String?) ?? "?", detail: error.description)
        }
    }

    /// The SQL terms of `isActive` beyond `status <> 'rejected'` (which queries keep as written, so
    /// the partial indexes that name it still serve them), for a time record aliased `alias`.
    static func countsTerms(_ alias: String) -> String {
        "\(alias).status <> 'cancelled' AND \(alias).is_cancellation = 0 AND (\(alias).replaces_id IS NULL OR \(alias).status = 'validated')"
    }
}
