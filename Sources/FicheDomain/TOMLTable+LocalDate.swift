import FicheTOML

extension TOMLTable {
    /// A required date: a TOML local date or a string `YYYY-MM-DD` / `dd/mm/yyyy`.
    func date(_ key: String) throws(RuleFileError) -> LocalDate {
        let value = try required(key)
        switch value {
        case .date(let d):
            guard let date = LocalDate(year: d.year, month: d.month, day: d.day) else {
                throw error("key '\(key)': '\(d)' is not a valid date", at: key)
            }
            return date
        case .string(let s):
            do { return try LocalDate.parse(s) } catch { throw self.error("key '\(key)': \(error.description)", at: key) }
        default: throw wrongType(key, "a date", value)
        }
    }

    /// An optional date.
    func optionalDate(_ key: String) throws(RuleFileError) -> LocalDate? {
        guard self[key] != nil else { return nil }
        return try date(key)
    }
}
