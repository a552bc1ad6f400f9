/// A mistake in a file, with where it is, reported like a compiler would:
/// `absence-types.toml:42: key 'paid' must be a boolean, found string`,
/// `Themes/light.toml:12: unknown role "heder" in [roles]`.
///
/// `TOMLReader` throws it for malformed TOML, `TOMLTable`'s typed accessors for a missing or
/// mistyped key, and the readers of rule, theme and keymap files for what the file means.
public struct FileIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user would open it (full path for user files, `Themes/x.toml` for shipped ones).
    public var file: String
    /// 1-based line; 0 when the problem is the file as a whole (unreadable, missing, a loop of bases).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
