import FicheDomain

/// One line of the partner list: who the partner is and what it takes on a date.
public struct PartnerSummary: Hashable, Sendable {
    public var partner: Partner
    /// Placements with this partner running on the date asked for.
    public var activePlacements: Int
    /// Sum of the monthly fees of those placements, in euro cents.
    public var monthlyFeesCents: Int

    public init(partner: Partner, activePlacements: Int, monthlyFeesCents: Int) {
        self.partner = partner
        self.activePlacements = activePlacements
        self.monthlyFeesCents = monthlyFeesCents
    }
}
