import FicheDomain
import FicheReplica

/// One employer on the month-closing tab: its current payroll month and what stands between
/// that month and its closing.
struct MonthClosing: Hashable, Sendable {
    var employer: Employer
    /// The oldest open payroll month (months close in order); nil when the server lists none.
    var month: YearMonth?
    var checklist: MonthClosingChecklist?

    /// How many things are left to settle before closing.
    var openPoints: Int {
        guard let checklist else { return 0 }
        return checklist.submittedRecords + checklist.draftRecords + checklist.missingCertificates
            + checklist.unsentChanges + checklist.conflicts
    }

    /// The checklist's lines: the string key of each and how many are left.
    var lines: [(key: String, count: Int)] {
        guard let checklist else { return [] }
        return [("closing.checklist.submitted", checklist.submittedRecords),
                ("closing.checklist.drafts", checklist.draftRecords),
                ("closing.checklist.missingCertificates", checklist.missingCertificates),
                ("closing.checklist.unsent", checklist.unsentChanges),
                ("closing.checklist.conflicts", checklist.conflicts)]
    }
}
