import FicheTerminal

/// The sync state in the top line: a glyph (● online, ○ offline), then the caller's words
/// ("en ligne · 3 en attente · 1 conflit · 10:42"), so it never relies on colour alone.
public struct SyncBadge: Hashable, Sendable {
    public var isOnline: Bool
    /// What to say, already in the user's language.
    public var text: String

    public init(isOnline: Bool, text: String) {
        self.isOnline = isOnline
        self.text = text
    }

    public var glyph: String { isOnline ? "●" : "○" }
    public var role: StyleRole { isOnline ? .badgeOnline : .badgeOffline }
    /// Columns the badge takes.
    public var width: Int { DisplayWidth.of(glyph) + 1 + DisplayWidth.of(text) + 2 }

    /// Draws the badge ending at column `maxX` of line `y`; returns its first column.
    @discardableResult
    public func render(into buffer: inout CellBuffer, maxX: Int, y: Int) -> Int {
        let x = max(0, maxX - width)
        buffer.write(" " + glyph + " " + text + " ", x: x, y: y, role: role, maxWidth: maxX - x)
        return x
    }
}
