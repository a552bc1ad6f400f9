import Foundation
import TOMLKit

/// A theme or keymap file: its parsed TOML and its text, so that errors found after parsing
/// (an unknown role, a key bound twice) can still name the line they are on.
///
/// ```swift
/// let document = try ConfigDocument(text: "[global]\n\"app.quit\" = [\"F10\"]\n", file: "Keymaps/default.toml")
/// document.line(ofKey: "app.quit", inSection: "global")   // 2
/// ```
public struct ConfigDocument: Sendable {
    public let file: String
    public let root: ConfigValue
    private let lines: [Substring]

    /// Parses `text`.
    /// - Throws: a `ConfigIssue` with the line TOMLKit reports when the TOML is malformed.
    public init(text: String, file: String) throws(ConfigIssue) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            let table = try TOMLTable(string: text)
            self.root = ConfigDocument.convert(table)
        } catch let error as TOMLParseError {
            throw ConfigIssue(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigIssue(file: file, line: 0, message: "\(error)")
        }
    }

    /// Reads and parses the file at `url`, naming it `file` in messages.
    public init(contentsOf url: URL, file: String) throws(ConfigIssue) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigIssue(file: file, line: 0, message: "cannot be read (\(error.localizedDescription))")
        }
        try self.init(text: text, file: file)
    }

    /// The line where `key` is written, inside `[section]` when given; the section's header
    /// line when the key is not found there, 0 when neither is.
    ///
    /// The key may be written bare (`app.quit =`) or quoted (`"app.quit" =`). A dotted key
    /// also matches when written as its last part inside a sub-table header.
    public func line(ofKey key: String, inSection section: String? = nil) -> Int {
        var current: String? = nil
        var sectionLine = 0
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                current = name.replacingOccurrences(of: "\"", with: "")
                if current == section { sectionLine = index + 1 }
                continue
            }
            guard section == nil || current == section,
                  let equals = line.firstIndex(of: "=") else { continue }
            let written = line[..<equals].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "'", with: "")
            let compact = written.replacingOccurrences(of: " ", with: "")
            if compact == key { return index + 1 }
        }
        return sectionLine
    }

    /// The line of the first occurrence of `text` after the line of `key` in `section`
    /// (for a key name inside a list of keys); the key's line when not found.
    public func line(ofValue text: String, afterKey key: String, inSection section: String?) -> Int {
        let start = line(ofKey: key, inSection: section)
        guard start > 0 else { return 0 }
        for index in (start - 1)..<lines.count {
            if lines[index].contains("\"\(text)\"") || lines[index].contains("'\(text)'") { return index + 1 }
            if index > start - 1, lines[index].contains("=") { break }
        }
        return start
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        if let table = value.table {
            return .table(zip(table.keys, table.values).map { (key: $0.0, value: convert($0.1)) })
        }
        if let array = value.array { return .array(array.map { convert($0) }) }
        if let string = value.string { return .string(string) }
        if let integer = value.int { return .integer(integer) }
        if let boolean = value.bool { return .boolean(boolean) }
        if let double = value.double { return .integer(Int(double)) }
        return .string(value.debugDescription)
    }
}
