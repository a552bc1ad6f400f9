import FicheDomain

/// What stands between an employer's payroll month and its closing.
public struct MonthClosingChecklist: Hashable, Sendable {
    public var employerCode: String
    public var month: YearMonth
    /// The month's status; `open` when the server has not listed the month yet.
    public var status: PayrollMonthStatus
    /// Records touching the month still waiting for validation.
    public var submittedRecords: Int
    /// Records touching the month still in draft (never submitted).
    public var draftRecords: Int
    /// Absences starting in the month whose certificate is overdue.
    public var missingCertificates: Int
    /// Local changes of the employer the server has not answered yet.
    public var unsentChanges: Int
    /// Changes of the employer the server refused or found in conflict.
    public var conflicts: Int

    public init(employerCode: String, month: YearMonth, status: PayrollMonthStatus, submittedRecords: Int,
                draftRecords: Int, missingCertificates: Int, unsentChanges: Int, conflicts: Int) {
        self.employerCode = employerCode
        self.month = month
        self.status = status
        self.submittedRecords = submittedRecords
        self.draftRecords = draftRecords
        self.missingCertificates = missingCertificates
        self.unsentChanges = unsentChanges
        self.conflicts = conflicts
    }

    /// Whether nothing is left to do before closing.
    public var isClear: Bool {
        submittedRecords == 0 && draftRecords == 0 && missingCertificates == 0 && unsentChanges == 0 && conflicts == 0
    }
}
