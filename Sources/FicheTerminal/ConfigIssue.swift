/// A mistake in a theme or keymap file, with where it is: `Themes/light.toml:12: unknown role "heder"`.
public struct ConfigIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user would open it (full path for user files, `Themes/x.toml` for shipped ones).
    public var file: String
    /// 1-based line; 0 when the problem is the file as a whole (unreadable, missing `base`).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
