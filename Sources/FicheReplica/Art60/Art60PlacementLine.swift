import FicheDomain

/// One placement of an art. 60 worker as the Article 60 tab lists it: the agreement (fee,
/// hours, tasks) and the partner it is with.
public struct Art60PlacementLine: Hashable, Sendable {
    public var placement: Placement
    public var partnerName: String
    public var partnerKind: PartnerKind?

    public init(placement: Placement, partnerName: String, partnerKind: PartnerKind?) {
        self.placement = placement
        self.partnerName = partnerName
        self.partnerKind = partnerKind
    }

    /// The partner's monthly fee, in euro cents.
    public var monthlyFeeCents: Int { placement.monthlyFeeCents }
    public var hoursPerWeek: Double { placement.hoursPerWeek }
}
