/// A payroll clerk of the team a rebalancing proposal works on.
public struct WorkloadClerk: Hashable, Sendable {
    public var id: String
    public var login: String
    public var displayName: String
    /// The employers whose dossiers the clerk may receive (their payroll clerk grants).
    public var employerCodes: Set<String>
    /// A clerk who leaves the team (a pooled team smaller than today's): every dossier they hold
    /// that may move is moved, and they receive none.
    public var isLeaving: Bool
    /// A seat of a pooled team that no clerk holds yet (more seats than today's clerks).
    public var isNewSeat: Bool

    public init(id: String, login: String, displayName: String, employerCodes: Set<String>,
                isLeaving: Bool = false, isNewSeat: Bool = false) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.employerCodes = employerCodes
        self.isLeaving = isLeaving
        self.isNewSeat = isNewSeat
    }
}
