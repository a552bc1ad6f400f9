/// What happened in the follow-up of an article 60 worker.
public enum Art60EventKind: String, Codable, Sendable, CaseIterable, Hashable {
    case contractStart = "contract_start"
    case placementStart = "placement_start"
    case placementEnd = "placement_end"
    case partnerEvaluation = "partner_evaluation"
    case unjustifiedAbsence = "unjustified_absence"
    case lateness
    case sickness
    case partnerEndsAgreement = "partner_ends_agreement"
    case reassignment
    case earlyEnd = "early_end"
    case normalEnd = "normal_end"

    /// Whether the event ends the contract (the end-of-contract checklist is then due).
    public var endsContract: Bool { self == .earlyEnd || self == .normalEnd }
}
