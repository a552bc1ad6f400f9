import FicheDomain

/// What is wrong with one field of an imported row; the app says it in the user's language.
public enum ImportProblem: Hashable, Sendable {
    /// The header lacks these columns.
    case missingColumns([String])
    /// The file holds no row after its header.
    case noRows
    /// Not CSV (an unclosed quote…).
    case malformed(String)
    /// A value is required here.
    case empty
    /// No dossier with this number in the replica (or not one the user may see).
    case unknownDossier(String)
    /// `unit` is not day, half_day or hour.
    case unknownUnit(String)
    /// `hours` is not a positive number of hours (e.g. 3.5) up to 24.
    case hoursInvalid(String)
    /// `certificate` is not yes/no (1/0, true/false, oui/non, ja/nee).
    case certificateInvalid(String)
    /// A domain rule refuses the row (overlap, closed month, unknown type…).
    case rule(RuleViolation)
    /// This very file was imported already.
    case alreadyImported(on: String, records: Int)
}
