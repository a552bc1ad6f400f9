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
    /// An employer's own row (`id` and `employer_code` are its code): its names and holiday calendar.
    case employer
    /// A user who holds a grant at the employer: id, login, display name, language — never a
    /// password hash or a token. A user granted at two employers is sent with each.
    case user
    /// A grant at the employer (any user's): who holds which role, and from when to when.
    case grant
    /// A period of a dossier's career: grade, scale, regime, weekly schedule, from when to when.
    case careerPeriod = "career_period"
    /// A host of article 60 workers (CPAS only).
    case partner
    /// An article 60 contract of a dossier (CPAS only).
    case art60Contract = "art60_contract"
    /// A placement of an article 60 contract with a partner.
    case placement
    /// Not a row: a scope event.
    case scope
}
