import FicheTOML

extension TOMLTable {
    /// The entries of a table keyed by codes of `Code` with string values, in file order:
    /// `{ statutory = "employer" }`, `[default_calendar] commune = "brussels-local"`.
    ///
    /// - Parameter unknown: the message for a key that is no code of `Code`.
    func codedStrings<Code: RawRepresentable>(_ type: Code.Type, unknown: (String) -> String)
        throws(RuleFileError) -> [(code: Code, key: String, value: String)] where Code.RawValue == String {
        var entries: [(code: Code, key: String, value: String)] = []
        for key in keys {
            guard let code = Code(rawValue: key) else { throw error(unknown(key), at: key) }
            entries.append((code, key, try string(key)))
        }
        return entries
    }
}
