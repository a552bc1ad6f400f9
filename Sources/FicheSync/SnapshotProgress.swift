import Foundation

/// Progress of an initial sync, for a progress bar (`fiche`'s, in the user's language): rows so
/// far, rate, and time left.
public struct SnapshotProgress: Sendable, Hashable {
    /// Rows written so far in this run (a resumed run counts from where it resumed).
    public var rows: Int
    /// Rows per second since this run started.
    public var rate: Double
    /// Pages written.
    public var pages: Int
    /// The table being copied (`dossier`, `time_record`, `note`).
    public var entity: String
    /// Seconds left, when the server told how many rows to expect (it does not yet).
    public var estimatedRemaining: TimeInterval?
    public var done: Bool

}
