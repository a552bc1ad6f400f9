/// A value bound to, or read from, a SQL statement: the only types the server's tables use.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case text(String)

    /// The value as text (integers printed), or nil for NULL.
    public var string: String? {
        switch self {
        case .null: return nil
        case .int(let value): return String(value)
        case .text(let value): return value
        }
    }

    /// The value as an integer (text parsed), or nil.
    public var int: Int64? {
        switch self {
        case .null: return nil
        case .int(let value): return value
        case .text(let value): return Int64(value)
        }
    }

    /// Text, or NULL when `value` is nil.
    public static func optional(_ value: String?) -> SQLValue {
        value.map(SQLValue.text) ?? .null
    }
}
