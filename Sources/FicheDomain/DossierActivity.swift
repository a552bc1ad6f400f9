/// What a dossier's history shows over the last 12 months, counted on the replica: the events
/// its payroll clerk handles. `WorkloadCosts.minutesPerYear` turns it into a weight.
public struct DossierActivity: Hashable, Sendable {
    /// Entries whose start falls in the 12 months (any status).
    public var timeRecords: Int
    /// Of those, corrections and cancellations of a validated entry.
    public var corrections: Int
    /// Of those, entries validated.
    public var validations: Int
    /// Of those, entries refused.
    public var refusals: Int
    /// Article 60 follow-up events dated in the 12 months.
    public var art60Events: Int
    /// Career periods starting in the 12 months.
    public var careerChanges: Int
    /// Whether the dossier's payroll clerk is also its time manager.
    public var timeManagedByClerk: Bool

    public init(timeRecords: Int = 0, corrections: Int = 0, validations: Int = 0, refusals: Int = 0,
                art60Events: Int = 0, careerChanges: Int = 0, timeManagedByClerk: Bool = false) {
        self.timeRecords = timeRecords
        self.corrections = corrections
        self.validations = validations
        self.refusals = refusals
        self.art60Events = art60Events
        self.careerChanges = careerChanges
        self.timeManagedByClerk = timeManagedByClerk
    }
}
