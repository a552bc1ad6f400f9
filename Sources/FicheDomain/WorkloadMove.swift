/// One reassignment of a rebalancing proposal: a dossier from one payroll clerk to another.
public struct WorkloadMove: Hashable, Sendable {
    public var dossierID: String
    public var dossierNumber: String
    public var employerCode: String
    public var fromClerkID: String
    public var toClerkID: String
    /// The dossier's weight, minutes a year.
    public var minutes: Int
    public var isArt60: Bool

    public init(dossierID: String, dossierNumber: String, employerCode: String, fromClerkID: String,
                toClerkID: String, minutes: Int, isArt60: Bool = false) {
        self.dossierID = dossierID
        self.dossierNumber = dossierNumber
        self.employerCode = employerCode
        self.fromClerkID = fromClerkID
        self.toClerkID = toClerkID
        self.minutes = minutes
        self.isArt60 = isArt60
    }
}
