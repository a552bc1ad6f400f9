import FicheCSV
import FicheDomain

/// What is wrong with one field of an imported row; the app says it in the user's language.
public enum ImportProblem: Hashable, Sendable {
    /// The header lacks these columns.
    case missingColumns([String])
    /// The file holds no row after its header.
    case noRows
    /// Not CSV, or in no encoding that reads every byte right (an unclosed quote, both `;` and
    /// `,` in the header, UTF-8 mixed with another encoding…).
    case malformed(CSVMalformation)
    /// The row is separated by `found` where the header uses `expected`.
    case otherSeparator(found: String, expected: String)
    /// The row has more values than the header has columns: a value holding the separator
    /// without quotes.
    case tooManyFields(fields: Int, columns: Int, separator: String)
    /// A value is required here.
    case empty
    /// No dossier with this number in the replica (or not one the user may see).
    case unknownDossier(String)
    /// `unit` is not day, half_day or hour.
    case unknownUnit(String)
    /// `hours` is not a positive number of hours up to 24 (`7,6` or `7.6`).
    case hoursInvalid(String)
    /// `certificate` is not yes/no (1/0, true/false, oui/non, ja/nee).
    case certificateInvalid(String)
    /// A clocking's `from` or `to` is not a day and a time (`2027-01-04 08:00`, `04/01/2027 8:00`).
    case clockingTimeInvalid(String)
    /// A clocking's `to` is on another day than its `from`.
    case clockingAcrossDays
    /// The value is none of those the column takes (a kind, a half day, a status of an exported file).
    case notOneOf(String, allowed: [String])
    /// Not a number of minutes from 0 to 1440 (a time of day or a duration of an exported file).
    case minutesInvalid(String)
    /// An entry with this id is already in the replica (an exported file's `record_id`).
    case recordExists(String)
    /// A domain rule refuses the row (overlap, closed month, unknown type…).
    case rule(RuleViolation)
    /// This very file was imported already.
    case alreadyImported(on: String, records: Int)
}

extension ImportProblem {
    /// A cell's problem as the replica's import reports it.
    init(_ cell: TimeRecordCellProblem) {
        switch cell {
        case .empty: self = .empty
        case .date(let violation): self = .rule(violation)
        case .unknownUnit(let text): self = .unknownUnit(text)
        case .hoursInvalid(let text): self = .hoursInvalid(text)
        case .certificateInvalid(let text): self = .certificateInvalid(text)
        case .clockingTimeInvalid(let text): self = .clockingTimeInvalid(text)
        case .clockingAcrossDays: self = .clockingAcrossDays
        }
    }
}
