import Foundation

/// Progress of an initial sync, for a progress bar: rows so far, rate, and time left.
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

    /// A bar for a terminal line, e.g. `initial sync ▕████      ▏ 12 400 rows · 48 000 rows/s · dossier`.
    public func bar(width: Int = 20) -> String {
        let filled = done ? width : min(width - 1, pages % (width + 1))
        let blocks = String(repeating: "█", count: filled) + String(repeating: " ", count: max(0, width - filled))
        var text = "initial sync ▕\(blocks)▏ \(rows) rows · \(Int(rate)) rows/s · \(entity)"
        if let remaining = estimatedRemaining { text += " · \(Int(remaining)) s left" }
        if done { text += " · done" }
        return text
    }
}
