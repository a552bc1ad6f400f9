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
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - now: the clock stamped on each line.
    ///   - write: receives each line, without its line feed (standard error by default).
    public init(label: String, now: @escaping @Sendable () -> Date,
                write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.now = now
        self.write = write
    }

    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = "{\"at\":\(Self.quoted(Timestamps.iso(now()))),\"level\":\(Self.quoted(event.level.rawValue))"
        line += ",\"logger\":\(Self.quoted(label)),\"message\":\(Self.quoted(event.message.description))"
        for key in merged.keys.sorted() {
            if let value = merged[key] { line += ",\(Self.quoted(key)):\(Self.quoted(value.description))" }
        }
        write(line + "}")
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        // Most texts (routes, ids, numbers) need no escape: one copy, not one append per character.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
