/// One problem of a time-record file's row: the column it is in and what is wrong.
public struct TimeRecordCellIssue: Hashable, Sendable {
    public var column: String
    public var problem: TimeRecordCellProblem

    public init(column: String, problem: TimeRecordCellProblem) {
        self.column = column
        self.problem = problem
    }
}
