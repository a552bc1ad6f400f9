import FicheDomain

/// The ranges of the numbers a push carries. Outside them a push is refused before anything is
/// read: 400 for a mutation id (`PushRequest.boundsProblem`), `rejected` `time.range` for a
/// record's times (`RecordTimeRecord.checkBounds`). `openapi.json` states the same ranges.
public enum PushBounds {
    /// Whether `text` may be stored: PostgreSQL's text columns cannot hold U+0000, so a text
    /// carrying it is refused (400) before it reaches a query.
    public static func allows(_ text: String?) -> Bool {
        !(text?.unicodeScalars.contains("\u{0}") ?? false)
    }

    /// Mutation ids: from 1 up to the largest integer a JSON number holds exactly (2^53 − 1).
    public static let mutationIDs: ClosedRange<Int64> = 1...9_007_199_254_740_991
    /// `start_minute` and `end_minute`: minutes after midnight.
    public static let minuteOfDay = 0...TimeRecord.minutesPerDay
    /// `minutes`: a duration within one day.
    public static let minutes = 1...TimeRecord.minutesPerDay
}
