/// A table read from a rule file, remembering the line of each key for error messages.
///
/// The typed accessors throw `RuleFileError` pointing at the offending line, so a typo in a
/// rule file reads like `absence-types.toml:42: key 'paid' must be a boolean, found string`.
public struct TOMLTable: Hashable, Sendable {
    public let file: String
    /// Line of the table header (1 for the root table).
    public let line: Int
    /// Keys in file order.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    private var lines: [String: Int] = [:]

    init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    mutating func set(_ key: String, _ value: TOMLValue, line: Int) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
        lines[key] = line
    }

    /// The raw value at `key`.
    public subscript(key: String) -> TOMLValue? { values[key] }

    /// Line where `key` is defined (the table's line when absent).
    public func line(of key: String) -> Int { lines[key] ?? line }

    /// An error located at `key` (or at the table header).
    public func error(_ message: String, at key: String? = nil) -> RuleFileError {
        RuleFileError(file: file, line: key.map { line(of: $0) } ?? line, message: message)
    }

    /// Rejects keys outside `allowed`: a misspelt key in a rule file must not be ignored silently.
    public func checkKeys(_ allowed: Set<String>, in context: String) throws(RuleFileError) {
        for key in keys where !allowed.contains(key) {
            throw error("unknown key '\(key)' in \(context)", at: key)
        }
    }

    private func wrongType(_ key: String, _ expected: String, _ found: TOMLValue) -> RuleFileError {
        error("key '\(key)' must be \(expected), found \(found.typeName)", at: key)
    }

    private func required(_ key: String) throws(RuleFileError) -> TOMLValue {
        guard let value = values[key] else { throw error("missing key '\(key)'") }
        return value
    }

    /// A required string.
    public func string(_ key: String) throws(RuleFileError) -> String {
        let value = try required(key)
        guard case .string(let s) = value else { throw wrongType(key, "a string", value) }
        return s
    }

    /// An optional string.
    public func optionalString(_ key: String) throws(RuleFileError) -> String? {
        guard values[key] != nil else { return nil }
        return try string(key)
    }

    /// A required integer.
    public func integer(_ key: String) throws(RuleFileError) -> Int {
        let value = try required(key)
        guard case .integer(let i) = value else { throw wrongType(key, "an integer", value) }
        return i
    }

    /// An optional integer.
    public func optionalInteger(_ key: String) throws(RuleFileError) -> Int? {
        guard values[key] != nil else { return nil }
        return try integer(key)
    }

    /// A required number (integer or float).
    public func number(_ key: String) throws(RuleFileError) -> Double {
        let value = try required(key)
        switch value {
        case .integer(let i): return Double(i)
        case .float(let d): return d
        default: throw wrongType(key, "a number", value)
        }
    }

    /// A boolean, or `defaultValue` when absent.
    public func boolean(_ key: String, default defaultValue: Bool? = nil) throws(RuleFileError) -> Bool {
        if values[key] == nil, let defaultValue { return defaultValue }
        let value = try required(key)
        guard case .boolean(let b) = value else { throw wrongType(key, "a boolean", value) }
        return b
    }

    /// A required date: a TOML local date or a string `YYYY-MM-DD` / `dd/mm/yyyy`.
    public func date(_ key: String) throws(RuleFileError) -> LocalDate {
        let value = try required(key)
        switch value {
        case .date(let d): return d
        case .string(let s):
            do { return try LocalDate.parse(s) } catch { throw self.error("key '\(key)': \(error.description)", at: key) }
        default: throw wrongType(key, "a date", value)
        }
    }

    /// An optional date.
    public func optionalDate(_ key: String) throws(RuleFileError) -> LocalDate? {
        guard values[key] != nil else { return nil }
        return try date(key)
    }

    /// An array of strings (empty when absent).
    public func strings(_ key: String) throws(RuleFileError) -> [String] {
        guard let value = values[key] else { return [] }
        guard case .array(let items) = value else { throw wrongType(key, "an array of strings", value) }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw wrongType(key, "an array of strings", item) }
            out.append(s)
        }
        return out
    }

    /// A sub-table (`[x.key]` or an inline table).
    public func table(_ key: String) throws(RuleFileError) -> TOMLTable {
        let value = try required(key)
        guard case .table(let t) = value else { throw wrongType(key, "a table", value) }
        return t
    }

    /// An optional sub-table.
    public func optionalTable(_ key: String) throws(RuleFileError) -> TOMLTable? {
        guard values[key] != nil else { return nil }
        return try table(key)
    }

    /// An array of tables (`[[key]]`), empty when absent.
    public func tables(_ key: String) throws(RuleFileError) -> [TOMLTable] {
        guard let value = values[key] else { return [] }
        guard case .array(let items) = value else { throw wrongType(key, "an array of tables", value) }
        var out: [TOMLTable] = []
        for item in items {
            guard case .table(let t) = item else { throw wrongType(key, "an array of tables", item) }
            out.append(t)
        }
        return out
    }
}
