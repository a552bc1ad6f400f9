/// A value read by `TOMLReader`.
public enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case date(TOMLDate)
    case array([TOMLValue])
    case table(TOMLTable)

    /// The TOML type name, for error messages about rule files: `found string`.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .boolean: return "boolean"
        case .date: return "date"
        case .array: return "array"
        case .table: return "table"
        }
    }

    /// What a user would call this kind of value, for messages about theme and keymap files.
    public var kindName: String {
        switch self {
        case .string: return "a string"
        case .integer, .float: return "a number"
        case .boolean: return "true or false"
        case .date: return "a date"
        case .array: return "a list"
        case .table: return "a table"
        }
    }

    /// The text of a string, nil for any other value.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The table, nil for any other value.
    public var table: TOMLTable? {
        if case .table(let t) = self { return t }
        return nil
    }
}
