import FicheTOML

/// How long time records are kept: a record that ended more than `timeRecordYears` years ago
/// may be purged from the server (GDPR storage limitation), never one that ended since.
///
/// Read from `Rules/retention.toml`; used by `fiche-server purge time-records`.
///
/// ```swift
/// rules.retention.purgeLimit(today: 2026-12-07)   // 2021-12-07: records ended before it may go
/// ```
public struct RetentionRule: Hashable, Sendable {
    /// Years a time record is kept after it ended (5).
    public var timeRecordYears: Int
    /// Where the number comes from.
    public var source: String

    public init(timeRecordYears: Int, source: String) {
        self.timeRecordYears = timeRecordYears
        self.source = source
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["years", "source"], in: "[time_records]")
        self.init(timeRecordYears: try table.integer("years"), source: try table.string("source"))
        guard (1...100).contains(timeRecordYears) else { throw table.error("years must be between 1 and 100", at: "years") }
    }

    /// The latest `--before` a purge on `today` may take: the same day `timeRecordYears` years
    /// back (29 February becomes the 28th in a common year). Records that ended before it are
    /// past their retention.
    public func purgeLimit(today: LocalDate) -> LocalDate {
        let year = today.year - timeRecordYears
        let day = min(today.day, LocalDate.daysInMonth(year: year, month: today.month))
        return LocalDate(year: year, month: today.month, day: day) ?? today.adding(days: -366 * timeRecordYears)
    }
}
