/// What `fiche demo` generates: how many dossiers and from which seed.
public struct DemoDataset: Hashable, Sendable {
    public var dossiers: Int
    public var seed: UInt64

    public init(dossiers: Int = 400, seed: UInt64 = 2026) {
        self.dossiers = dossiers
        self.seed = seed
    }

    /// Stored in the replica so a second `fiche demo` with the same settings reuses it.
    public var fingerprint: String { "dossiers=\(dossiers);seed=\(seed)" }
}
