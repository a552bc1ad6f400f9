import FicheDomain

/// Everything the Article 60 tab of a dossier shows: contracts, placements, the follow-up
/// log and the qualifying-day progress of the current contract.
public struct Art60Card: Hashable, Sendable {
    public var dossier: Dossier
    public var person: Person
    /// The dossier's contracts, latest start first; the first is the current one.
    public var contracts: [Art60Contract]
    /// Placements of all the contracts, by start date, with their partner.
    public var placements: [Art60PlacementLine]
    /// Follow-up events of all the contracts, by date.
    public var events: [Art60Event]
    /// Qualifying days, target and projected date of the current contract; nil when the rules
    /// cannot say (see `progressProblem`).
    public var progress: Art60Progress?
    /// Why `progress` is nil: no policy for the contract's start date, or no age band.
    public var progressProblem: RuleViolation?

    public init(dossier: Dossier, person: Person, contracts: [Art60Contract], placements: [Art60PlacementLine],
                events: [Art60Event], progress: Art60Progress?, progressProblem: RuleViolation?) {
        self.dossier = dossier
        self.person = person
        self.contracts = contracts
        self.placements = placements
        self.events = events
        self.progress = progress
        self.progressProblem = progressProblem
    }

    /// The contract the progress is about.
    public var currentContract: Art60Contract? { contracts.first }
}
