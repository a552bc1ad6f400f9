/// The views of the workload screen, in tab order.
public enum WorkloadView: Int, CaseIterable, Sendable {
    /// Active dossiers per clerk against the reference loads (175, 200, 250).
    case dossiers
    /// Weighted load per clerk, hours a month, against the team's mean.
    case weighted
    /// The rebalancing proposal of one employer's team: moves with before/after bars.
    case proposal
    /// The pooling what-if of two employers.
    case pooling

    var titleKey: String { "workload.tab.\(self)" }
}
