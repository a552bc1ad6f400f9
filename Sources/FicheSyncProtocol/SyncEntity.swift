/// The kinds of rows that sync.
public enum SyncEntity: String, Codable, Sendable, CaseIterable, Hashable {
    /// A dossier with its person's identity fields.
    case dossier
    case timeRecord = "time_record"
    case note
    /// An employer's payroll month; its id is `EMPLOYER/YYYY-MM`.
    case payrollMonth = "payroll_month"
    /// An entry of an article 60 worker's follow-up log.
    case art60Event = "art60_event"
    /// Not a row: a scope event.
    case scope
}
