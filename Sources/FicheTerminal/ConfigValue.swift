/// A value read from a TOML theme or keymap file, copied out of TOMLKit so it can be kept
/// and passed between threads.
public indirect enum ConfigValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([ConfigValue])
    /// Keys in the order the file gives them.
    case table([(key: String, value: ConfigValue)])

    public static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.table(a), .table(b)): return a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .integer(let i): hasher.combine(i)
        case .boolean(let b): hasher.combine(b)
        case .array(let a): hasher.combine(a)
        case .table(let t): for entry in t { hasher.combine(entry.key); hasher.combine(entry.value) }
        }
    }

    /// The entries of a table, or nil for any other value.
    public var entries: [(key: String, value: ConfigValue)]? {
        if case .table(let entries) = self { return entries }
        return nil
    }

    public subscript(key: String) -> ConfigValue? { entries?.first { $0.key == key }?.value }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// What a user would call this kind of value, for error messages.
    public var kindName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "a number"
        case .boolean: return "true or false"
        case .array: return "a list"
        case .table: return "a table"
        }
    }
}
