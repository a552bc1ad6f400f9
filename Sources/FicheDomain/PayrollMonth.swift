/// One month of an employer's payroll, open for entries or closed.
///
/// After closing, the month's entries are locked; a late change is booked as a correction
/// in the next open month.
public struct PayrollMonth: Hashable, Sendable, Codable, Identifiable {
    public var employerCode: String
    public var month: YearMonth
    public var status: PayrollMonthStatus

    public var id: String { "\(employerCode)/\(month)" }

    public init(employerCode: String, month: YearMonth, status: PayrollMonthStatus = .open) {
        self.employerCode = employerCode
        self.month = month
        self.status = status
    }

    /// The day the month is to be closed, given the employer's cut-off day.
    public func cutOffDate(cutOffDay: Int) -> LocalDate {
        LocalDate.unchecked(month.year, month.month,
                            min(max(1, cutOffDay), LocalDate.daysInMonth(year: month.year, month: month.month)))
    }

    /// Whether `month` is locked: it or a later month of the employer is closed (months close in order).
    public static func isClosed(_ month: YearMonth, in months: [PayrollMonth]) -> Bool {
        guard let latest = latestClosed(in: months) else { return false }
        return month <= latest
    }

    /// The month a change to `month` is booked in: `month` itself when open, else the first open month after the latest closed.
    public static func bookingMonth(for month: YearMonth, in months: [PayrollMonth]) -> YearMonth {
        guard let latest = latestClosed(in: months), month <= latest else { return month }
        return latest.next
    }

    private static func latestClosed(in months: [PayrollMonth]) -> YearMonth? {
        months.filter { $0.status == .closed }.map(\.month).max()
    }
}
