import FicheDomain
import FicheReplica

/// Pauses between retries: exponential with full jitter, capped, from a seeded generator so a
/// simulation replays the same delays.
public struct Backoff: Sendable {
    /// First pause, in seconds.
    public var base: Double
    /// Longest pause, in seconds.
    public var cap: Double
    var random: SeededGenerator

    public init(base: Double = 0.5, cap: Double = 60, seed: UInt64 = 0x5EED) {
        self.base = base
        self.cap = cap
        self.random = SeededGenerator(seed: seed)
    }

    /// The pause before retry number `attempt` (1 for the first retry): a random time between
    /// 0 and min(cap, base × 2^(attempt−1)).
    public mutating func delay(attempt: Int) -> Double {
        let ceiling = min(cap, base * Double(1 << min(max(attempt - 1, 0), 30)))
        return Double.random(in: 0...ceiling, using: &random)
    }
}
