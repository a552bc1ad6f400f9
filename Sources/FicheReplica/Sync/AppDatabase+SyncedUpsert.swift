import FicheSyncProtocol
import GRDB

extension AppDatabase {
    /// The mirror upserts of the rows that come by the thousand (a dossier row is a person and
    /// a dossier; time records): the column list fixed so each statement is prepared once, and
    /// where each value comes from in the server's row said once, here.
    ///
    /// `INSERT … ON CONFLICT(id) DO UPDATE … WHERE excluded.version >= version`, as `upsert`
    /// writes it: a row never replaces a newer one.
    enum SyncedUpsert: Sendable {
        case person, dossier, timeRecord

        /// Where a parameter's value comes from in a synced row.
        enum Source: Sendable {
            case id, employerCode, version
            /// The field as text; NULL when absent or NULL.
            case text(String)
            /// The field as text; empty when absent or NULL.
            case required(String)
            /// The field as text; `fallback` when absent or NULL.
            case defaulted(String, fallback: String)
            /// The field as an integer; NULL when absent, NULL or not a number.
            case integer(String)
            /// 1 when the field is "1", else 0.
            case flag(String)
            /// The field when it holds a JSON object (it starts with "{"), else NULL.
            case object(String)

            /// The server's field this value is read from (nil for the row's own id, employer, version).
            var field: String? {
                switch self {
                case .id, .employerCode, .version: nil
                case .text(let name), .required(let name), .defaulted(let name, _), .integer(let name), .flag(let name),
                     .object(let name): name
                }
            }
        }

        /// The replica table and, in order, its columns with their sources.
        var parameters: (table: String, columns: [(name: String, source: Source)]) {
            switch self {
            case .person: Self.personParameters
            case .dossier: Self.dossierParameters
            case .timeRecord: Self.timeRecordParameters
            }
        }

        var sql: String {
            switch self {
            case .person: Self.personSQL
            case .dossier: Self.dossierSQL
            case .timeRecord: Self.timeRecordSQL
            }
        }

        static let personParameters: (table: String, columns: [(name: String, source: Source)]) = ("person", [
            ("id", .id), ("employer_code", .employerCode), ("niss", .required("niss")),
            ("last_name", .required("last_name")), ("first_name", .required("first_name")),
            ("birth_date", .required("birth_date")), ("sex", .required("sex")), ("language", .required("language")),
            ("address", .object("address")), ("iban", .text("iban")), ("pending_iban", .text("pending_iban")),
            ("pending_iban_by", .text("pending_iban_by")), ("version", .version),
        ])
        static let dossierParameters: (table: String, columns: [(name: String, source: Source)]) = ("dossier", [
            ("id", .id), ("employer_code", .employerCode), ("number", .required("number")), ("person_id", .id),
            ("status", .required("status")), ("category", .required("category")),
            ("payroll_clerk_id", .text("payroll_clerk")), ("time_manager_id", .text("time_manager")),
            ("start_date", .required("start_date")), ("pay_seniority_date", .text("pay_seniority_date")),
            ("end_date", .text("end_date")), ("version", .version),
        ])
        /// Made from `RecordTimeRecord.columns`: each column's replica name, read from the
        /// server's field of the same column.
        static let timeRecordParameters: (table: String, columns: [(name: String, source: Source)]) = ("time_record",
            RecordTimeRecord.columns.map { column in (column.replicaName, source(of: column)) } + [("version", .version)])

        /// Where the replica's value of a time-record column comes from in a pulled row.
        static func source(of column: TimeRecordColumn) -> Source {
            switch (column.name, column.kind) {
            case ("id", _): .id
            case ("employer_code", _): .employerCode
            case (let name, .integer): .integer(name)
            case (let name, .flag): .flag(name)
            case (let name, .text):
                if let fallback = column.fallback { .defaulted(name, fallback: fallback) }
                else if column.required { .required(name) }
                else { .text(name) }
            }
        }

        static let personSQL = statement(personParameters)
        static let dossierSQL = statement(dossierParameters)
        static let timeRecordSQL = statement(timeRecordParameters)

        static func statement(_ parameters: (table: String, columns: [(name: String, source: Source)])) -> String {
            let table = parameters.table
            let columns = parameters.columns.map(\.name)
            let updates = columns.filter { $0 != "id" }.map { "\"\($0)\" = excluded.\"\($0)\"" }
            return """
                INSERT INTO \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
                VALUES (\(databaseQuestionMarks(count: columns.count)))
                ON CONFLICT(id) DO UPDATE SET \(updates.joined(separator: ", "))
                WHERE excluded.version >= \(table).version
                """
        }
    }
}
