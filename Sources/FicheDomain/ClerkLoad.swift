/// What one payroll clerk carries: dossiers, their weight, and how many are Article 60.
public struct ClerkLoad: Hashable, Sendable {
    public var dossiers: Int
    /// Minutes a year.
    public var minutes: Int
    public var art60Dossiers: Int

    public init(dossiers: Int = 0, minutes: Int = 0, art60Dossiers: Int = 0) {
        self.dossiers = dossiers
        self.minutes = minutes
        self.art60Dossiers = art60Dossiers
    }

    /// The weighted load in hours a month.
    public var hoursPerMonth: Double { WorkloadDossier.hoursPerMonth(minutes: minutes) }

    /// The share of Article 60 dossiers, 0…1.
    public var art60Share: Double { dossiers == 0 ? 0 : Double(art60Dossiers) / Double(dossiers) }
}
