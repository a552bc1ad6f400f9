import Foundation
import Logging

/// Writes each log record as one line of JSON: `at`, `level`, `logger`, `message`, then the
/// metadata keys in alphabetical order (values as text). `fiche-server serve` logs this way,
/// so a log collector reads the lines without parsing prose.
///
/// Nothing secret goes into a record: the request lines (`RequestLogMiddleware`) carry the
/// route, never the path's query or a header, and no part of the server logs a body.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let now: @Sendable () -> Date
    private let write: @Sendable (_ line: String, _ level: Logger.Level) -> Void

    /// - Parameters:
    ///   - now: the clock stamped on each line.
    ///   - write: receives each line, without its line feed, and its level (by default
    ///     `standardError`).
    public init(label: String, now: @escaping @Sendable () -> Date,
                write: @escaping @Sendable (_ line: String, _ level: Logger.Level) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.now = now
        self.write = write
    }

    /// Each line to `LogLineWriter.standardError`: warnings and errors at once, the other
    /// lines in batches when they come fast.
    public static let standardError: @Sendable (String, Logger.Level) -> Void = { line, level in
        LogLineWriter.standardError.write(line, urgent: level >= .warning)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // The handler's fields, the provider's, then the event's, a later one replacing an
        // earlier one of the same key: gathered in a list (a merged dictionary was rehashed at
        // every line).
        let provided = metadataProvider?.get() ?? [:]
        let extra = event.metadata ?? [:]
        var fields: [(key: String, value: Logger.MetadataValue)] = []
        fields.reserveCapacity(metadata.count + provided.count + extra.count)
        for (key, value) in metadata where provided[key] == nil && extra[key] == nil { fields.append((key, value)) }
        for (key, value) in provided where extra[key] == nil { fields.append((key, value)) }
        for (key, value) in extra { fields.append((key, value)) }
        fields.sort { $0.key < $1.key }
        var line = "{\"at\":"
        line.reserveCapacity(160 + 32 * fields.count)
        Self.appendQuoted(Timestamps.iso(now()), to: &line)
        line += ",\"level\":"
        Self.appendQuoted(event.level.rawValue, to: &line)
        line += ",\"logger\":"
        Self.appendQuoted(label, to: &line)
        line += ",\"message\":"
        Self.appendQuoted(event.message.description, to: &line)
        for (key, value) in fields {
            line += ","
            Self.appendQuoted(key, to: &line)
            line += ":"
            Self.appendQuoted(value.description, to: &line)
        }
        line += "}"
        write(line, event.level)
    }

    /// Appends `text` as a JSON string.
    static func appendQuoted(_ text: String, to line: inout String) {
        line += "\""
        // Most texts (routes, ids, numbers) need no escape: appended whole, not per character.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            line += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": line += "\\\""
                case "\\": line += "\\\\"
                case "\n": line += "\\n"
                case "\r": line += "\\r"
                case "\t": line += "\\t"
                case _ where scalar.value < 0x20: line += String(format: "\\u%04x", scalar.value)
                default: line.unicodeScalars.append(scalar)
                }
            }
        }
        line += "\""
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }
}
