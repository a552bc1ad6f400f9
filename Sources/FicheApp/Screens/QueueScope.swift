import FicheDomain

/// One employer's payroll month: what a queue is narrowed to when the month checklist opens the
/// list behind one of its lines (the entries still to validate of that month, its drafts…).
public struct QueueScope: Hashable, Sendable {
    public var employerCode: String
    public var month: YearMonth

    public init(employerCode: String, month: YearMonth) {
        self.employerCode = employerCode
        self.month = month
    }
}
