/// Whose drafts a drafts queue lists: the user's own, and every draft at the employers they
/// supervise (to chase them; sending or withdrawing one stays its author's).
public struct DraftsScope: Hashable, Sendable {
    /// The user whose own drafts are listed.
    public var userID: String
    /// Employers whose every draft is listed.
    public var employerCodes: [String]

    public init(userID: String, employerCodes: [String] = []) {
        self.userID = userID
        self.employerCodes = employerCodes
    }
}
