import FicheCSV
import FicheDomain
import FicheSyncProtocol
import Foundation

/// CSV exports for the payroll engine and for audits, with the same columns as the imports.
public struct CSVExport: Sendable {
    /// Columns of `export time-records`, which `fiche import time-records` reads back.
    public static let timeRecordColumns = TimeRecordFileColumns.exported

    public let store: any ServerStore

    public init(store: any ServerStore) {
        self.store = store
    }

    /// Live dossiers of `employer`, by number; NISS and IBAN in full (an operator export).
    public func dossiers(employer: String, write: @Sendable (String) -> Void) async throws {
        try await requireEmployer(employer)
        write(CSVTable.line(DossierImport.columns))
        let rows = try await store.read { tx in
            try await tx.query("SELECT * FROM dossiers WHERE employer_code = ? AND deleted_at IS NULL ORDER BY number",
                               [.text(employer)])
        }
        for row in rows {
            let fields = DossierImport.columns.map { column -> String in
                switch column {
                case "dossier_number": return row.string("number") ?? ""
                // try?: "is this a NISS?"; a value that is not one is exported as stored, nothing is dropped.
                case "niss": return row.string("niss").flatMap { try? NISS($0).formatted } ?? (row.string("niss") ?? "")
                default: return row.string(column) ?? ""
                }
            }
            write(CSVTable.line(fields))
        }
    }

    /// Time records of `employer` (of `month` when given: records overlapping it).
    public func timeRecords(employer: String, month: YearMonth?, write: @Sendable (String) -> Void) async throws {
        try await requireEmployer(employer)
        write(CSVTable.line(Self.timeRecordColumns))
        var sql = """
            SELECT d.number, t.* FROM time_records t JOIN dossiers d ON d.id = t.dossier_id
            WHERE t.employer_code = ? AND t.deleted_at IS NULL
            """
        var binds: [SQLValue] = [.text(employer)]
        if let month {
            sql += " AND t.start_date <= ? AND t.end_date >= ?"
            binds += [.text(month.lastDay.iso), .text(month.firstDay.iso)]
        }
        sql += " ORDER BY d.number, t.start_date, t.id"
        let rows = try await store.read { [sql, binds] tx in try await tx.query(sql, binds) }
        for row in rows {
            write(CSVTable.line([
                row.string("number"), row.string("id"), row.string("kind"), row.string("type_code"), row.string("start_date"),
                row.string("end_date"), row.string("day_part"), row.string("start_minute"), row.string("end_minute"),
                row.string("minutes"), row.string("certificate_received"), row.string("status"),
            ].map { $0 ?? "" }))
        }
    }

    private func requireEmployer(_ code: String) async throws {
        let exists = try await store.read { tx in
            try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(code)]) != nil
        }
        guard exists else { throw CommandError("no employer \(code)") }
    }
}
