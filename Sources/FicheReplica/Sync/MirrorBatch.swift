import FicheDomain

/// Rows pulled from the server, applied to the mirror in one transaction.
public struct MirrorBatch: Sendable {
    public var employers: [MirrorRow<Employer>] = []
    public var users: [MirrorRow<User>] = []
    public var grants: [MirrorRow<Grant>] = []
    public var payrollMonths: [MirrorRow<PayrollMonth>] = []
    public var persons: [MirrorRow<Person>] = []
    public var dossiers: [MirrorRow<Dossier>] = []
    public var careerPeriods: [MirrorRow<CareerPeriod>] = []
    public var timeRecords: [MirrorRow<TimeRecord>] = []
    public var partners: [MirrorRow<Partner>] = []
    public var art60Contracts: [MirrorRow<Art60Contract>] = []
    public var placements: [MirrorRow<Placement>] = []
    public var art60Events: [MirrorRow<Art60Event>] = []

    public init() {}
}
