import FicheTOML

/// How a holiday calendar replaces a public holiday that falls on a Saturday or a Sunday: by
/// the first weekday after it that is neither a holiday nor already a replacement day.
///
/// Read from a `[calendar.weekend_replacement]` table of `Rules/holidays.toml`. The law of
/// 4 January 1974 and the royal decree of 18 April 1974 (art. 6) give contract staff a
/// replacement day, set by the joint committee, the work regulations or an agreement, failing
/// which it is the first usual working day after the holiday; a commune or a CPAS sets its
/// own by local regulation. A replacement day is a holiday of the calendar (`HolidayCalendar`).
public struct WeekendReplacement: Hashable, Sendable, Codable {
    /// Which holidays are replaced.
    public enum Scope: String, Hashable, Sendable, Codable {
        /// Only the ten legal holidays (what the law requires).
        case legal
        /// Every holiday of the calendar (the employer's extra days too).
        case all
    }

    public var scope: Scope
    /// Added to the name of the holiday replaced: "Toussaint (jour de remplacement)".
    public var labels: Labels
    /// Where the rule comes from.
    public var source: String

    /// Whether a holiday of `rule` on a weekend is replaced.
    public func replaces(_ rule: HolidayRule) -> Bool {
        scope == .all || rule.isLegal
    }

    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["holidays", "labels", "source"], in: "[calendar.weekend_replacement]")
        let name = try table.string("holidays")
        guard let scope = Scope(rawValue: name) else {
            throw table.error("holidays must be legal or all, found '\(name)'", at: "holidays")
        }
        self.scope = scope
        labels = try Labels(table: table.table("labels"))
        source = try table.string("source")
    }
}
