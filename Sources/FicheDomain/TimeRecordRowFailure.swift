/// Why the cells of a time-record file's row describe no entry: every problem, in column order.
public struct TimeRecordRowFailure: Error, Hashable, Sendable {
    public var issues: [TimeRecordCellIssue]

    public init(issues: [TimeRecordCellIssue]) { self.issues = issues }
}
