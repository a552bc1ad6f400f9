/// A change-log entry plus the table whose row takes the entry's sequence as its version.
struct LoggedChange {
    var entry: ChangeLog.Entry
    var table: String
}
