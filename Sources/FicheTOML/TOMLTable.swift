/// A table read by `TOMLReader`, remembering the line of each key (and of each item of an
/// array) so that every message about the file can name the line it is about.
///
/// The typed accessors throw a `FileIssue` pointing at the offending line, so a typo in a
/// rule file reads like `absence-types.toml:42: key 'paid' must be a boolean, found string`.
public struct TOMLTable: Hashable, Sendable {
    public let file: String
    /// Line of the table header (1 for the root table).
    public let line: Int
    /// Keys in file order.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    private var lines: [String: Int] = [:]
    private var itemLines: [String: [Int]] = [:]

    init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    mutating func set(_ key: String, _ value: TOMLValue, line: Int, itemLines: [Int] = []) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
        lines[key] = line
        self.itemLines[key] = itemLines.isEmpty ? nil : itemLines
    }

    /// The raw value at `key`.
    public subscript(key: String) -> TOMLValue? { values[key] }

    /// Line where `key` is defined (the table's line when absent).
    public func line(of key: String) -> Int { lines[key] ?? line }

    /// Line of item `index` of the array at `key` (an array may span lines); the key's line
    /// when the value is not an array or has no such item.
    public func line(of key: String, item index: Int) -> Int {
        guard let items = itemLines[key], items.indices.contains(index) else { return line(of: key) }
        return items[index]
    }

    /// An error located at `key` (or at the table header).
    public func error(_ message: String, at key: String? = nil) -> FileIssue {
        FileIssue(file: file, line: key.map { line(of: $0) } ?? line, message: message)
    }

    /// Rejects keys outside `allowed`: a misspelt key in a rule file must not be ignored silently.
    public func checkKeys(_ allowed: Set<String>, in context: String) throws(FileIssue) {
        for key in keys where !allowed.contains(key) {
            throw error("unknown key '\(key)' in \(context)", at: key)
        }
    }

    /// The error for `key` holding the wrong kind of value: `key 'paid' must be a boolean, found string`.
    public func wrongType(_ key: String, _ expected: String, _ found: TOMLValue) -> FileIssue {
        error("key '\(key)' must be \(expected), found \(found.typeName)", at: key)
    }

    /// The value at `key`, or the error naming the missing key.
    public func required(_ key: String) throws(FileIssue) -> TOMLValue {
        guard let value = values[key] else { throw error("missing key '\(key)'") }
        return value
    }

    /// A required string.
    public func string(_ key: String) throws(FileIssue) -> String {
        let value = try required(key)
        guard case .string(let s) = value else { throw wrongType(key, "a string", value) }
        return s
    }

    /// An optional string.
    public func optionalString(_ key: String) throws(FileIssue) -> String? {
        guard values[key] != nil else { return nil }
        return try string(key)
    }

    /// A required integer.
    public func integer(_ key: String) throws(FileIssue) -> Int {
        let value = try required(key)
        guard case .integer(let i) = value else { throw wrongType(key, "an integer", value) }
        return i
    }

    /// An optional integer.
    public func optionalInteger(_ key: String) throws(FileIssue) -> Int? {
        guard values[key] != nil else { return nil }
        return try integer(key)
    }

    /// A required number (integer or float).
    public func number(_ key: String) throws(FileIssue) -> Double {
        let value = try required(key)
        switch value {
        case .integer(let i): return Double(i)
        case .float(let d): return d
        default: throw wrongType(key, "a number", value)
        }
    }

    /// A boolean, or `defaultValue` when absent.
    public func boolean(_ key: String, default defaultValue: Bool? = nil) throws(FileIssue) -> Bool {
        if values[key] == nil, let defaultValue { return defaultValue }
        let value = try required(key)
        guard case .boolean(let b) = value else { throw wrongType(key, "a boolean", value) }
        return b
    }

    /// An array of strings (empty when absent).
    public func strings(_ key: String) throws(FileIssue) -> [String] {
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
    public func table(_ key: String) throws(FileIssue) -> TOMLTable {
        let value = try required(key)
        guard case .table(let t) = value else { throw wrongType(key, "a table", value) }
        return t
    }

    /// An optional sub-table.
    public func optionalTable(_ key: String) throws(FileIssue) -> TOMLTable? {
        guard values[key] != nil else { return nil }
        return try table(key)
    }

    /// An array of tables (`[[key]]`), empty when absent.
    public func tables(_ key: String) throws(FileIssue) -> [TOMLTable] {
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
