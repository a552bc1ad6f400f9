import FicheTerminal

/// Where a row stands in its life: shown with a glyph and a role, never by colour alone.
public enum RowStatus: Hashable, Sendable {
    case none, pending, conflict, validated, rejected

    /// The glyph in the table's status column: … pending, ⚠ conflict, ✔ validated, ✖ rejected.
    public var glyph: String {
        switch self {
        case .none: return " "
        case .pending: return "…"
        case .conflict: return "⚠"
        case .validated: return "✔"
        case .rejected: return "✖"
        }
    }

    /// The role the row is painted with when not selected.
    public var role: StyleRole {
        switch self {
        case .none: return .normal
        case .pending: return .rowPending
        case .conflict: return .rowConflict
        case .validated: return .rowValidated
        case .rejected: return .rowRejected
        }
    }
}
