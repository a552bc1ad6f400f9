/// Why a field's value cannot be saved. The screen turns it into words in the user's language.
public enum FieldProblem: Hashable, Sendable {
    case required
    /// Not a date written dd/mm/yyyy, or a day that does not exist (31/02/2026).
    case invalidDate
    /// Not a time written hh:mm between 00:00 and 23:59.
    case invalidTime
    /// Not a number with a decimal comma, or too many decimals.
    case invalidNumber
    case tooLong
    /// A rule of the caller (an overlap, a closed month): its message comes with it.
    case rule(String)
}
