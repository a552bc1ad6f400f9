/// What a form field holds, which decides how it is typed and checked.
public enum FieldKind: Hashable, Sendable {
    /// Free text, up to `maxLength` characters.
    case text(maxLength: Int)
    /// A date typed `dd/mm/yyyy`.
    case date
    /// A time of day typed `hh:mm`.
    case time
    /// A number with a decimal comma (`7,6`), with at most `decimals` digits after it.
    case number(decimals: Int)
    /// One of a list of choices, cycled with ← and →.
    case choice([String])
    /// On or off, toggled with Space.
    case checkbox
}
