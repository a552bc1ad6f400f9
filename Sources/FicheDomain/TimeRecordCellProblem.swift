/// What is wrong with one cell of a time-record file's row (`TimeRecordFileRow`). The replica
/// says it in the user's language; `description` is the English of `fiche-server import
/// time-records` (`line N: column: description`).
public enum TimeRecordCellProblem: Hashable, Sendable, CustomStringConvertible {
    /// A value is required here.
    case empty
    /// Not a day (DD/MM/YYYY, D/M/YYYY or YYYY-MM-DD), or a day that does not exist.
    case date(RuleViolation)
    /// `unit` is not day, half_day or hour (a clocking's: hour or empty).
    case unknownUnit(String)
    /// `hours` is not a positive number of hours up to 24 (`7,6` or `7.6`).
    case hoursInvalid(String)
    /// `certificate` is not yes/no (1/0, true/false, oui/non, ja/nee).
    case certificateInvalid(String)
    /// A clocking's `from` or `to` is not a day and a time (`2027-01-04 08:00`, `04/01/2027 8:00`).
    case clockingTimeInvalid(String)
    /// A clocking's `to` is on another day than its `from`.
    case clockingAcrossDays

    public var description: String {
        switch self {
        case .empty: return "is empty"
        case .date(let violation): return violation.description
        case .unknownUnit(let text): return "'\(text.prefix(20))' is not day, half_day or hour"
        case .hoursInvalid(let text): return "'\(text.prefix(20))' is not a number of hours above 0 and up to 24 (e.g. 7,6)"
        case .certificateInvalid(let text): return "'\(text.prefix(20))' is not yes or no (1/0, true/false, oui/non, ja/nee)"
        case .clockingTimeInvalid(let text):
            return "'\(text.prefix(40))' is not a day and a time (e.g. 2027-01-04 08:00 or 04/01/2027 8:00)"
        case .clockingAcrossDays: return "a clocking ends on the day it starts"
        }
    }
}
