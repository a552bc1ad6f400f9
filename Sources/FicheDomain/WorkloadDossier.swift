/// One dossier as a rebalancing proposal sees it: whose it is and what it weighs.
public struct WorkloadDossier: Hashable, Sendable {
    public var id: String
    public var number: String
    public var employerCode: String
    /// The worker (person) of the dossier, to keep a worker's dossiers at one clerk.
    public var personID: String
    /// The payroll clerk today; nil when unassigned (then left out of the proposal).
    public var clerkID: String?
    /// The weight: minutes a year (`WorkloadCosts.minutesPerYear`).
    public var minutes: Int
    public var isArt60: Bool
    /// Entries of the dossier wait in the outbox: it is not moved.
    public var isPending: Bool

    public init(id: String, number: String, employerCode: String, personID: String, clerkID: String?,
                minutes: Int, isArt60: Bool = false, isPending: Bool = false) {
        self.id = id
        self.number = number
        self.employerCode = employerCode
        self.personID = personID
        self.clerkID = clerkID
        self.minutes = minutes
        self.isArt60 = isArt60
        self.isPending = isPending
    }

    /// A weight in minutes a year as hours a month (720 minutes a year = 1 hour a month).
    public static func hoursPerMonth(minutes: Int) -> Double { Double(minutes) / 720 }
}
