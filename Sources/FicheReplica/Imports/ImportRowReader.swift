import FicheDomain
import GRDB

/// The cells of one row of an imported file, read column by column: a problem is kept with the
/// row's line and the column, so the import lists every one before refusing the file.
struct ImportRowReader {
    let values: [String: String]
    let line: Int
    var issues: [ImportIssue] = []

    init(_ values: [String: String], line: Int) {
        self.values = values
        self.line = line
    }

    /// The cell, or nil (and a problem) when it is empty.
    mutating func required(_ column: String) -> String? {
        guard let value = values[column], !value.isEmpty else {
            issues.append(ImportIssue(line: line, column: column, problem: .empty))
            return nil
        }
        return value
    }

    /// The cell as a date (DD/MM/YYYY or YYYY-MM-DD), or nil (and a problem).
    mutating func date(_ column: String) -> LocalDate? {
        guard let text = required(column) else { return nil }
        do {
            return try LocalDate.parse(text)
        } catch {
            issues.append(ImportIssue(line: line, column: column, problem: .rule(error)))
            return nil
        }
    }

    /// The dossier the `dossier_number` cell names, or nil (and a problem) when the replica
    /// holds none or several of that number.
    mutating func dossier(_ db: Database) throws -> Dossier? {
        guard let number = required("dossier_number") else { return nil }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM dossier_view WHERE number = ?", arguments: [number])
        guard rows.count == 1, let row = rows.first else {
            issues.append(ImportIssue(line: line, column: "dossier_number", problem: .unknownDossier(number)))
            return nil
        }
        return try Dossier(stored: row)
    }
}
