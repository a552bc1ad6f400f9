/// The character encoding a CSV file was read in (`CSVText.decode`).
public enum CSVEncoding: String, Hashable, Sendable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark (Excel's "CSV UTF-8", Fiche's own exports).
    case utf8
    /// UTF-16 with its byte order mark (LibreOffice's or Excel's "Unicode" text).
    case utf16
    /// Windows-1252, what Excel's plain "CSV (separator: semicolon)" writes on a Belgian Windows.
    case windows1252

    /// The encoding's usual name: `UTF-8`, `UTF-16`, `Windows-1252`.
    public var description: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .windows1252: return "Windows-1252"
        }
    }
}
