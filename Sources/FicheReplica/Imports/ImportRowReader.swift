import FicheDomain

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
}
