/// The supervisor's queues, in the order Tab walks them; month closing comes last.
public enum QueueTab: String, CaseIterable, Sendable {
    /// Entries submitted for validation (four-eyes).
    case validation
    /// Art. 60 contracts ending, or reaching their qualifying-day target, within 30 days.
    case art60
    /// Sickness without the medical certificate past its due date.
    case certificates
    /// Unjustified absences to follow up.
    case absences
    /// New IBANs waiting for a second person's confirmation (paid to only once confirmed).
    case iban
    /// Entries still in draft: the user's own (theirs to submit or delete), and those of the
    /// employers they supervise (to chase).
    case drafts
    /// The payroll month of each employer: checklist, closing, export.
    case closing

    /// Read from the replica a page at a time (entries waiting on someone), not worked out whole by rules.
    var isPaged: Bool { self == .validation || self == .drafts }

    /// The key of the tab's title in the string tables (`.short` is the narrow form).
    var titleKey: String { "queue.tab.\(rawValue)" }
}
