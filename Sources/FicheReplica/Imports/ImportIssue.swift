/// One error of an import: `line N: column: message`, the line counted from 1 with the header.
public struct ImportIssue: Hashable, Sendable {
    public var line: Int
    /// The column the problem is in; nil when it concerns the whole row or file.
    public var column: String?
    public var problem: ImportProblem

    public init(line: Int, column: String?, problem: ImportProblem) {
        self.line = line
        self.column = column
        self.problem = problem
    }
}
