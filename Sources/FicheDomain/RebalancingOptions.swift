/// How a rebalancing proposal is made.
public struct RebalancingOptions: Hashable, Sendable {
    /// Move a worker's dossiers (at one clerk) together, so each worker keeps one clerk.
    public var keepWorkerTogether: Bool
    /// How far from the team's mean a clerk may stay: 0.10 is ±10 %.
    public var tolerance: Double
    /// Even the dossiers' count instead of their weight (the "200 each" of the pooling what-if).
    public var byCount: Bool

    public init(keepWorkerTogether: Bool = false, tolerance: Double = 0.10, byCount: Bool = false) {
        self.keepWorkerTogether = keepWorkerTogether
        self.tolerance = tolerance
        self.byCount = byCount
    }
}
