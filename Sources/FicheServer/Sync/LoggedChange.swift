/// A change-log entry plus the table whose row takes the entry's sequence as its version
/// (nil for rows without an `id` and `version` column, such as payroll months).
struct LoggedChange {
    var entry: ChangeLog.Entry
    var table: String?
    /// The version the row was written with, when it was written with the entry's sequence
    /// (`PushWrites.nextSequence`); any other sequence sets the row's version afterwards.
    var version: Int64? = nil
}
