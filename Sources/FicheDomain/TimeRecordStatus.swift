/// Where a time record stands: draft → submitted → validated or rejected.
///
/// A rejected record goes back to draft to be corrected; a submitted one may be withdrawn
/// to draft. A validated record is final: a change is a new record (a correction).
public enum TimeRecordStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case draft
    case submitted
    case validated
    case rejected

    /// The statuses a record may move to from this one.
    public var next: Set<TimeRecordStatus> {
        switch self {
        case .draft: return [.submitted]
        case .submitted: return [.validated, .rejected, .draft]
        case .rejected: return [.draft]
        case .validated: return []
        }
    }

    /// Whether moving to `status` is allowed.
    public func canMove(to status: TimeRecordStatus) -> Bool { next.contains(status) }
}
