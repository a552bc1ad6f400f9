/// Where a time record stands: draft → submitted → validated or rejected; validated → cancelled.
///
/// A rejected record goes back to draft to be corrected; a submitted one may be withdrawn
/// to draft. A validated record is final: a change is a new record (a correction), and once that
/// correction is validated the record it replaces or cancels is `cancelled` (kept, no longer counted).
public enum TimeRecordStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case draft
    case submitted
    case validated
    case rejected
    case cancelled

    /// The statuses a record may move to from this one.
    public var next: Set<TimeRecordStatus> {
        switch self {
        case .draft: return [.submitted]
        case .submitted: return [.validated, .rejected, .draft]
        case .rejected: return [.draft]
        case .validated: return [.cancelled]
        case .cancelled: return []
        }
    }

    /// Whether moving to `status` is allowed.
    public func canMove(to status: TimeRecordStatus) -> Bool { next.contains(status) }
}
