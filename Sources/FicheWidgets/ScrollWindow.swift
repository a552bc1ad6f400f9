import FicheTerminal

/// The rows of a list longer than its area that are shown: from `first`, as many as fit.
/// Rows out of view are marked at the area's right edge, ⇡ above and ⇣ below, so a clerk
/// knows there is more before scrolling.
///
/// ```swift
/// let window = ScrollWindow(total: records.count, visible: 8, top: requestedTop)
/// for (line, record) in records[window.range].enumerated() { … }
/// window.renderMarks(into: &buffer, top: rect.y, bottom: rect.maxY - 1, x: rect.maxX - 1)
/// ```
public struct ScrollWindow: Hashable, Sendable {
    public let total: Int
    public let visible: Int
    /// The first row shown: the requested one, clamped so the area is as full as it can be.
    public let first: Int

    public init(total: Int, visible: Int, top: Int) {
        self.total = max(0, total)
        self.visible = max(0, visible)
        first = min(max(0, top), max(0, self.total - self.visible))
    }

    /// The largest useful first row.
    public var lastTop: Int { max(0, total - visible) }

    /// The indices of the rows shown.
    public var range: Range<Int> { first..<min(total, first + visible) }

    /// Draws ⇡ on line `top` when rows are hidden above, ⇣ on line `bottom` when rows are hidden below.
    public func renderMarks(into buffer: inout CellBuffer, top: Int, bottom: Int, x: Int) {
        if first > 0 { buffer.write(String(buffer.glyphs.moreAbove), x: x, y: top, role: .keyHintKey) }
        if range.upperBound < total { buffer.write(String(buffer.glyphs.moreBelow), x: x, y: bottom, role: .keyHintKey) }
    }
}
