/// An import that wrote nothing, with every error found.
public struct ImportFailure: Error, Sendable {
    public var issues: [ImportIssue]

    public init(issues: [ImportIssue]) { self.issues = issues }
}
